// SPDX-License-Identifier: GPL-3.0-or-later

internal import CGLPK
import LinearModel
import Logging

/// Solves ``LinearModel/MIPModel``s with GLPK (`glp_simplex` + `glp_intopt`).
///
/// Every call validates the model first and throws ``GLPKSolverError/invalidModel(_:)`` rather
/// than letting GLPK abort the process; calls from different threads run in parallel when GLPK
/// is built re-entrant (one environment per thread), and are serialised otherwise (``GLPKSession``).
///
/// Statuses are mapped honestly: `.optimal` only when GLPK proved it (`GLP_OPT`); a stop at the
/// requested gap is `.gapLimit`; a time-limited run reports `.timeLimit` with the incumbent (if any)
/// and the best bound proved during the search.
public struct GLPKSolver: Sendable {
    /// Solver settings.
    public var options: GLPKOptions

    /// A solver with the given settings.
    public init(options: GLPKOptions = GLPKOptions()) {
        self.options = options
    }

    /// Whether solves on different threads run in parallel (GLPK built re-entrant), so a caller
    /// may use more than one core.
    public static var runsInParallel: Bool { GLPKSession.isReentrant }

    /// The linked GLPK version, e.g. "5.0".
    public static var version: String {
        GLPKSession.run(logger: nil) { _ in String(cString: glp_version()) }
    }

    // MARK: - Solving

    /// Solves the model (as an LP with `glp_simplex` when it has no integer columns, otherwise as a
    /// MIP with `glp_intopt`).
    ///
    /// - Parameter warmStart: optional point, one value per variable. It is checked against the model
    ///   (bounds, rows, integrality within 1e-6); if feasible, integer entries are rounded and the point
    ///   is given to GLPK as its first incumbent via `glp_ios_heur_sol`. An infeasible warm start is
    ///   ignored with a note in ``LinearModel/MIPResult/messages``; a wrong-length or non-finite one throws.
    /// - Throws: ``GLPKSolverError`` for an invalid model or warm start; never for solver outcomes.
    public func solve(_ model: MIPModel, warmStart: [Double]? = nil) throws -> MIPResult {
        try checkValid(model)
        var messages: [String] = []
        var checkedStart: [Double]?
        if let warmStart {
            checkedStart = try checkWarmStart(warmStart, for: model, messages: &messages)
        }
        if checkedStart != nil, !model.hasIntegerVariables {
            messages.append("warm start not used: the model is a pure LP, solved by the simplex method")
        }
        if model.numVariables == 0 {
            return trivialResult(model, messages: messages)
        }
        var result = GLPKSession.run(logger: options.logger) { messageLevel in
            // The clock starts once GLPK is ours: waiting for another solve does not eat the time limit.
            let clock = SolveClock(limit: options.timeLimit)
            var result = GLPKProblem.withNewProblem { problem in
                GLPKProblem.load(model, into: problem, names: options.passNames)
                var run = SolveRun(model: model, problem: problem, options: options,
                                   messageLevel: messageLevel, clock: clock)
                return model.hasIntegerVariables
                    ? run.solveMIP(warmStart: checkedStart)
                    : run.solveLP(isRelaxation: false)
            }
            result.seconds = clock.elapsed
            return result
        }
        result.messages = messages + result.messages
        options.logger?.debug("GLPK: \(result.termination), objective \(result.objective.map { "\($0)" } ?? "none"), bound \(result.bound.map { "\($0)" } ?? "none"), \(result.seconds) s")
        return result
    }

    /// Solves the LP relaxation (integrality dropped) with `glp_simplex`. An optimal relaxation value
    /// is a valid bound for the MIP; it is reported as both `objective` and `bound`, and `values` is the
    /// relaxation's (generally fractional) point.
    public func solveRelaxation(_ model: MIPModel) throws -> MIPResult {
        try checkValid(model)
        if model.numVariables == 0 { return trivialResult(model, messages: []) }
        return GLPKSession.run(logger: options.logger) { messageLevel in
            let clock = SolveClock(limit: options.timeLimit)
            var result = GLPKProblem.withNewProblem { problem in
                GLPKProblem.load(model, into: problem, relax: true, names: options.passNames)
                var run = SolveRun(model: model, problem: problem, options: options,
                                   messageLevel: messageLevel, clock: clock)
                return run.solveLP(isRelaxation: true)
            }
            result.seconds = clock.elapsed
            return result
        }
    }

    // MARK: - Files

    /// Writes the model in CPLEX LP format with GLPK's own writer (`glp_write_lp`), for cross-checking
    /// ``LinearModel/LPWriter``. Note that GLPK writes a nonzero objective constant only as a comment
    /// (`\* constant term = … *\`), so reading such a file back loses the constant.
    public func writeLP(_ model: MIPModel, to path: String) throws {
        try checkValid(model)
        let status = GLPKSession.run(logger: options.logger) { _ in
            GLPKProblem.withNewProblem { problem in
                GLPKProblem.load(model, into: problem, names: true)
                return glp_write_lp(problem, nil, path)
            }
        }
        if status != 0 { throw GLPKSolverError.writeFailed(path: path) }
    }

    /// Reads a CPLEX LP file with GLPK's reader (`glp_read_lp`) into a model. Column order is GLPK's
    /// (order of first appearance in the file); ranged rows become two rows.
    public func readLP(from path: String) throws -> MIPModel {
        let model: MIPModel? = GLPKSession.run(logger: options.logger) { _ in
            GLPKProblem.withNewProblem { problem in
                glp_read_lp(problem, nil, path) == 0 ? GLPKProblem.model(from: problem) : nil
            }
        }
        guard let model else { throw GLPKSolverError.readFailed(path: path) }
        return model
    }

    // MARK: - Checks outside GLPK

    func checkValid(_ model: MIPModel) throws {
        let problems = model.validate()
        if !problems.isEmpty { throw GLPKSolverError.invalidModel(problems) }
        let limit = Int(Int32.max) - 1
        if model.numVariables > limit || model.numConstraints > limit || model.numNonzeros > limit {
            throw GLPKSolverError.tooLarge("\(model.numVariables) columns, \(model.numConstraints) rows, \(model.numNonzeros) nonzeros")
        }
    }

    /// Verifies the warm start; returns the rounded point when feasible, `nil` (with a message) otherwise.
    private func checkWarmStart(_ values: [Double], for model: MIPModel, messages: inout [String]) throws -> [Double]? {
        guard values.count == model.numVariables else {
            throw GLPKSolverError.invalidWarmStart("expected \(model.numVariables) values, got \(values.count)")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw GLPKSolverError.invalidWarmStart("value of \(model.name(of: Variable(index: bad))) is \(values[bad])")
        }
        var rounded = values
        for j in rounded.indices where model.kinds[j].isIntegral { rounded[j] = rounded[j].rounded() }
        let report = evaluate(model, values)
        guard report.isFeasible else {
            var note = "warm start ignored: infeasible"
            if let row = report.violatedRows.first {
                note += "; row \(model.name(of: row.row)) has activity \(row.activity) against rhs \(row.rhs)"
            }
            if let variable = report.violatedVariables.first {
                note += "; variable \(model.name(of: variable.variable)) = \(variable.value) (\(variable.reason))"
            }
            note += " (\(report.violatedRows.count) rows, \(report.violatedVariables.count) variables violated)"
            messages.append(note)
            return nil
        }
        return rounded
    }

    /// A model without variables: feasible iff every (empty) row holds at zero activity.
    private func trivialResult(_ model: MIPModel, messages: [String]) -> MIPResult {
        let report = evaluate(model, [])
        guard report.isFeasible else {
            return MIPResult(termination: .infeasible, primalStatus: .noPoint, messages: messages)
        }
        return MIPResult(termination: .optimal, primalStatus: .feasiblePoint, values: [],
                         objective: model.objectiveConstant, bound: model.objectiveConstant, messages: messages)
    }
}

/// Wall-clock accounting for a time limit shared by several GLPK calls.
struct SolveClock: Sendable {
    private let start = ContinuousClock.now
    let limit: Double?

    init(limit: Double?) { self.limit = limit }

    var elapsed: Double {
        let duration = ContinuousClock.now - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// Remaining time as GLPK's `tm_lim` (milliseconds, at least 1), or `Int32.max` without a limit.
    var remainingMilliseconds: Int32 {
        guard let limit else { return Int32.max }
        let milliseconds = ((limit - elapsed) * 1000).rounded(.up)
        return Int32(max(1, min(Double(Int32.max), milliseconds)))
    }

    var isExpired: Bool { limit.map { elapsed >= $0 } ?? false }
}
