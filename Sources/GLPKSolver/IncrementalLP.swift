// SPDX-License-Identifier: GPL-3.0-or-later

internal import CGLPK
import LinearModel

extension GLPKSolver {
    /// Loads `model` as an LP (integrality dropped) and hands it to `body`, which may add columns,
    /// change bounds and solve again from the last basis. The problem lives only for this call (one
    /// GLPK session, which other solves inside `body` share): `body` must not keep the LP.
    public func withIncrementalLP<T>(_ model: MIPModel, _ body: (any IncrementalLP) throws -> T) throws -> T {
        try checkValid(model)
        return try GLPKSession.run(logger: options.logger) { messageLevel in
            try GLPKProblem.withNewProblem { problem in
                GLPKProblem.load(model, into: problem, relax: true, names: false)
                let lp = GLPKIncrementalLP(problem: problem, model: model, messageLevel: messageLevel,
                                           timeLimit: options.timeLimit)
                defer { lp.problem = nil }
                return try body(lp)
            }
        }
    }
}

/// ``LinearModel/IncrementalLP`` on a GLPK problem object, solved by the primal simplex method from
/// the last basis (no presolver, which would discard it), and by the dual simplex where the primal stalls.
final class GLPKIncrementalLP: IncrementalLP {
    var problem: OpaquePointer?
    /// Columns so far.
    private var columns: Int
    private let rows: Int
    private let messageLevel: Int32
    /// Seconds one solve may take, unless the solve asks for less.
    private let timeLimit: Double?
    private var solvedOnce = false
    /// Simplex iterations one primal solve may take before it counts as stalled; the dual simplex then
    /// goes on from the basis it reached. (The master of column generation is a degenerate set
    /// partitioning LP, and the primal simplex can wander on it: Curtois & Qu 8, one re-solve of a dive
    /// took 25 s where the others took milliseconds.)
    var stallIterations: Int32 = 20_000
    /// Solves the dual simplex finished after the primal stalled.
    private(set) var stalls = 0

    init(problem: OpaquePointer, model: MIPModel, messageLevel: Int32, timeLimit: Double?) {
        self.problem = problem
        columns = model.numVariables
        rows = model.numConstraints
        self.messageLevel = messageLevel
        self.timeLimit = timeLimit
    }

    func addColumn(objective c: Double, lower: Double, upper: Double, entries: [(row: Int, value: Double)]) {
        guard let problem else { preconditionFailure("the LP is used after its call") }
        precondition(c.isFinite && lower.isFinite && lower <= upper, "invalid column")
        precondition(entries.allSatisfy { $0.row >= 0 && $0.row < rows && $0.value.isFinite }, "invalid column entries")
        let column = glp_add_cols(problem, 1)
        let (type, lo, up) = GLPKProblem.boundType(lower: lower, upper: upper)
        glp_set_col_bnds(problem, column, type, lo, up)
        glp_set_obj_coef(problem, column, c)
        var indices = [Int32](repeating: 0, count: entries.count + 1)
        var values = [Double](repeating: 0, count: entries.count + 1)
        for (k, e) in entries.enumerated() { indices[k + 1] = OneBased.row(e.row); values[k + 1] = e.value }
        glp_set_mat_col(problem, column, Int32(entries.count), indices, values)
        columns += 1
    }

    func setBounds(column j: Int, lower: Double, upper: Double) {
        guard let problem else { preconditionFailure("the LP is used after its call") }
        precondition(j >= 0 && j < columns && lower.isFinite && lower <= upper, "invalid bounds")
        let (type, lo, up) = GLPKProblem.boundType(lower: lower, upper: upper)
        glp_set_col_bnds(problem, OneBased.column(j), type, lo, up)
    }

    func solve(timeLimit asked: Double?) -> MIPResult {
        guard let problem else { preconditionFailure("the LP is used after its call") }
        let limits = [timeLimit, asked].compactMap { $0 }
        let clock = SolveClock(limit: limits.min().map { max(0, $0) })
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = messageLevel
        parameters.presolve = GLP_OFF
        parameters.tm_lim = clock.remainingMilliseconds
        parameters.it_lim = stallIterations
        if !solvedOnce { glp_adv_basis(problem, 0); solvedOnce = true }
        var code = glp_simplex(problem, &parameters)
        if code == GLP_EITLIM {
            stalls += 1
            parameters.meth = Int32(GLP_DUALP)
            parameters.it_lim = Int32.max
            parameters.tm_lim = clock.remainingMilliseconds
            code = glp_simplex(problem, &parameters)
        }
        if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND {
            // A basis gone bad: start again from a fresh one.
            glp_adv_basis(problem, 0)
            parameters.tm_lim = clock.remainingMilliseconds
            code = glp_simplex(problem, &parameters)
        }
        var result: MIPResult
        if code == 0 && glp_get_status(problem) == GLP_OPT {
            let values = OneBased.readColumns(count: columns) { glp_get_col_prim(problem, $0) }
            let z = glp_get_obj_val(problem)
            result = MIPResult(termination: .optimal, primalStatus: .feasiblePoint, values: values, objective: z, bound: z)
            result.rowDuals = OneBased.readRows(count: rows) { glp_get_row_dual(problem, $0) }
        } else if code == 0 && glp_get_status(problem) == GLP_NOFEAS {
            result = MIPResult(termination: .infeasible, primalStatus: .noPoint)
        } else if code == GLP_ETMLIM {
            result = MIPResult(termination: .timeLimit, primalStatus: .noPoint)
        } else {
            result = MIPResult(termination: .error(code == 0 ? "glp_simplex ended with status \(glp_get_status(problem))"
                                                             : SolveRun.describeSimplexFailure(code)), primalStatus: .noPoint)
        }
        result.seconds = clock.elapsed
        return result
    }
}
