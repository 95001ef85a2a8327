// SPDX-License-Identifier: GPL-3.0-or-later

internal import CGLPK
import LinearModel

/// One solve of a loaded problem object: runs `glp_simplex` / `glp_intopt` and maps GLPK's return
/// codes and statuses to ``LinearModel/MIPResult``. Lives only inside a ``GLPKSession``.
struct SolveRun {
    let model: MIPModel
    let problem: OpaquePointer
    let options: GLPKOptions
    let messageLevel: Int32
    let clock: SolveClock

    private var minimize: Bool { model.sense == .minimize }

    // MARK: - LP

    /// Solves the loaded problem as an LP (the caller loaded it relaxed if it has integer columns).
    mutating func solveLP(isRelaxation: Bool) -> MIPResult {
        var code = simplex(presolve: options.presolve)
        if code == GLP_ENODFS, options.presolve, !clock.isExpired {
            // The LP presolver only says "no dual feasible solution"; rerun without it to tell
            // an unbounded LP from an infeasible one.
            code = simplex(presolve: false)
        }
        switch code {
        case 0:
            switch glp_get_status(problem) {
            case GLP_OPT:
                let values = OneBased.readColumns(count: model.numVariables) { glp_get_col_prim(problem, $0) }
                let objective = model.objectiveValue(at: values)
                var result = MIPResult(termination: .optimal, primalStatus: .feasiblePoint, values: values,
                                       objective: objective, bound: objective)
                result.rowDuals = OneBased.readRows(count: model.numConstraints) { glp_get_row_dual(problem, $0) }
                return result
            case GLP_NOFEAS:
                return MIPResult(termination: .infeasible, primalStatus: .noPoint)
            case GLP_UNBND:
                return MIPResult(termination: .unbounded, primalStatus: .noPoint)
            case let status:
                return MIPResult(termination: .error("glp_simplex finished with solution status \(status)"),
                                 primalStatus: .noPoint)
            }
        case GLP_ENOPFS:
            return MIPResult(termination: .infeasible, primalStatus: .noPoint)
        case GLP_ENODFS:
            return MIPResult(termination: .infeasibleOrUnbounded, primalStatus: .noPoint)
        case GLP_ETMLIM, GLP_EITLIM:
            var result = MIPResult(termination: code == GLP_ETMLIM ? .timeLimit : .iterationOrNodeLimit,
                                   primalStatus: .noPoint)
            if glp_get_prim_stat(problem) == GLP_FEAS {
                let values = OneBased.readColumns(count: model.numVariables) { glp_get_col_prim(problem, $0) }
                result.primalStatus = .feasiblePoint
                result.values = values
                result.objective = model.objectiveValue(at: values)
            }
            return result
        default:
            return MIPResult(termination: .error(Self.describeSimplexFailure(code)), primalStatus: .noPoint)
        }
    }

    // MARK: - MIP

    /// Solves the loaded problem as a MIP. `warmStart` (0-based, feasible, integers rounded) is
    /// offered to GLPK through the callback; GLPK's MIP presolver is then bypassed, because with it
    /// the callback works on a transformed problem whose columns are not ours.
    mutating func solveMIP(warmStart: [Double]?) -> MIPResult {
        let usePresolver = options.presolve && warmStart == nil && options.exchange == nil
        var rootBound: Double?
        var notes: [String] = []

        if !usePresolver {
            // Without its presolver, glp_intopt needs an optimal LP relaxation in the problem object.
            let code = simplex(presolve: false)
            let status = glp_get_status(problem)
            if code != 0 || status != GLP_OPT {
                return rootFailure(code: code, status: status, warmStart: warmStart)
            }
            rootBound = glp_get_obj_val(problem)
            if clock.isExpired {
                return limitResult(.timeLimit, glpkPoint: nil, warmStart: warmStart,
                                   bounds: [rootBound], notes: ["time limit reached after the root LP"])
            }
        }

        let context = BranchAndCutContext(warmStart: warmStart.map(OneBased.columnVector), minimize: minimize,
                                          columns: model.numVariables, exchange: options.exchange,
                                          exchangeInterval: options.exchangeInterval)
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = messageLevel
        parameters.br_tech = Self.code(for: options.branching)
        parameters.bt_tech = Self.code(for: options.backtracking)
        parameters.tm_lim = clock.remainingMilliseconds
        parameters.mip_gap = options.relativeGap
        parameters.presolve = usePresolver ? GLP_ON : GLP_OFF
        parameters.gmi_cuts = options.cuts.gomory ? GLP_ON : GLP_OFF
        parameters.mir_cuts = options.cuts.mixedIntegerRounding ? GLP_ON : GLP_OFF
        parameters.cov_cuts = options.cuts.cover ? GLP_ON : GLP_OFF
        parameters.clq_cuts = options.cuts.clique ? GLP_ON : GLP_OFF
        parameters.fp_heur = options.feasibilityPump ? GLP_ON : GLP_OFF
        parameters.ps_heur = options.proximitySearch ? GLP_ON : GLP_OFF
        // Proximity search has its own clock (`ps_tm_lim`, 60 s by default) and ignores `tm_lim`:
        // give it a share of the remaining time so the whole solve honours the limit.
        if options.proximitySearch {
            let share = options.proximitySearchShare * Double(clock.remainingMilliseconds)
            parameters.ps_tm_lim = Int32(max(1, min(Double(Int32.max), share)))
        }
        parameters.cb_func = BranchAndCutContext.callback
        parameters.cb_info = Unmanaged.passUnretained(context).toOpaque()
        let code = withExtendedLifetime(context) { glp_intopt(problem, &parameters) }
        let status = glp_mip_status(problem)

        if warmStart != nil {
            if !context.warmStartOffered {
                notes.append("warm start not used: GLPK's search ended before its first heuristic call")
            } else if !context.warmStartAccepted {
                notes.append("warm start offered; GLPK already had an incumbent at least as good")
            } else {
                notes.append("warm start accepted by GLPK as its first incumbent")
            }
        }
        if options.exchange != nil {
            notes.append("incumbent exchange: \(context.taken) point(s) taken from the searches beside, \(context.reported) incumbent(s) reported to them")
        }

        let glpkPoint: [Double]? = (status == GLP_OPT || status == GLP_FEAS) ? readMIPPoint() : nil
        let bounds = [rootBound, context.bestBound]

        switch code {
        case 0:
            switch status {
            case GLP_OPT:
                let objective = glpkPoint.map(model.objectiveValue(at:))
                return MIPResult(termination: .optimal, primalStatus: .feasiblePoint, values: glpkPoint,
                                 objective: objective, bound: objective, messages: notes)
            case GLP_NOFEAS:
                return MIPResult(termination: .infeasible, primalStatus: .noPoint, messages: notes)
            default:
                return limitResult(.error("glp_intopt finished without proving optimality (status \(status))"),
                                   glpkPoint: glpkPoint, warmStart: warmStart, bounds: bounds, notes: notes)
            }
        case GLP_EMIPGAP:
            return limitResult(.gapLimit, glpkPoint: glpkPoint, warmStart: warmStart, bounds: bounds, notes: notes)
        case GLP_ETMLIM:
            return limitResult(.timeLimit, glpkPoint: glpkPoint, warmStart: warmStart, bounds: bounds, notes: notes)
        case GLP_ESTOP:
            return limitResult(.interrupted, glpkPoint: glpkPoint, warmStart: warmStart, bounds: bounds, notes: notes)
        case GLP_ENOPFS:
            return MIPResult(termination: .infeasible, primalStatus: .noPoint, messages: notes)
        case GLP_ENODFS:
            // The relaxation is dual infeasible; find out whether it is primal feasible.
            let rerun = clock.isExpired ? -1 : simplex(presolve: false)
            let infeasible = rerun == 0 && glp_get_status(problem) == GLP_NOFEAS
            return MIPResult(termination: infeasible ? .infeasible : .infeasibleOrUnbounded,
                             primalStatus: .noPoint, messages: notes)
        case GLP_EBOUND:
            return MIPResult(termination: .error("glp_intopt: invalid bounds on an integer column"),
                             primalStatus: .noPoint, messages: notes)
        case GLP_EROOT:
            return MIPResult(termination: .error("glp_intopt: optimal root LP basis not provided"),
                             primalStatus: .noPoint, messages: notes)
        case GLP_EFAIL:
            return limitResult(.error("glp_intopt failed (numerical difficulties)"), glpkPoint: glpkPoint,
                               warmStart: warmStart, bounds: bounds, notes: notes)
        default:
            return limitResult(.error("glp_intopt returned code \(code)"), glpkPoint: glpkPoint,
                               warmStart: warmStart, bounds: bounds, notes: notes)
        }
    }

    /// The root relaxation (without presolver) did not end optimal.
    private func rootFailure(code: Int32, status: Int32, warmStart: [Double]?) -> MIPResult {
        switch code {
        case 0 where status == GLP_NOFEAS:
            return MIPResult(termination: .infeasible, primalStatus: .noPoint)
        case 0 where status == GLP_UNBND:
            // With a feasible integer point and an unbounded relaxation, the MIP is unbounded (rational data).
            return MIPResult(termination: warmStart == nil ? .infeasibleOrUnbounded : .unbounded, primalStatus: .noPoint)
        case GLP_ETMLIM, GLP_EITLIM:
            return limitResult(code == GLP_ETMLIM ? .timeLimit : .iterationOrNodeLimit, glpkPoint: nil,
                               warmStart: warmStart, bounds: [], notes: ["limit reached in the root LP"])
        case 0:
            return MIPResult(termination: .error("root LP finished with solution status \(status)"), primalStatus: .noPoint)
        default:
            return limitResult(.error(Self.describeSimplexFailure(code)), glpkPoint: nil, warmStart: warmStart,
                               bounds: [], notes: [])
        }
    }

    /// A result for a run that stopped without proof: the better of GLPK's incumbent and the
    /// (verified) warm start, and the tightest proved bound, never beyond the incumbent.
    private func limitResult(_ termination: Termination, glpkPoint: [Double]?, warmStart: [Double]?,
                             bounds: [Double?], notes: [String]) -> MIPResult {
        var notes = notes
        var point = glpkPoint
        var objective = glpkPoint.map(model.objectiveValue(at:))
        if let warmStart {
            let warmObjective = model.objectiveValue(at: warmStart)
            if objective == nil || isBetter(warmObjective, than: objective!) {
                if glpkPoint == nil { notes.append("reporting the warm start: GLPK has no incumbent") }
                point = warmStart
                objective = warmObjective
            }
        }
        var bound = bounds.compactMap { $0 }.reduce(nil as Double?) { best, next in
            guard let best else { return next }
            return minimize ? max(best, next) : min(best, next)
        }
        if let proved = bound, let objective {
            bound = minimize ? min(proved, objective) : max(proved, objective)
        }
        return MIPResult(termination: termination, primalStatus: point == nil ? .noPoint : .feasiblePoint,
                         values: point, objective: objective, bound: bound, messages: notes)
    }

    private func isBetter(_ a: Double, than b: Double) -> Bool { minimize ? a < b : a > b }

    /// GLPK's MIP point with integer columns rounded to exact integers.
    private func readMIPPoint() -> [Double] {
        var values = OneBased.readColumns(count: model.numVariables) { glp_mip_col_val(problem, $0) }
        for j in values.indices where model.kinds[j].isIntegral { values[j] = values[j].rounded() }
        return values
    }

    // MARK: - GLPK calls and codes

    private func simplex(presolve: Bool) -> Int32 {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = messageLevel
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        parameters.tm_lim = clock.remainingMilliseconds
        return glp_simplex(problem, &parameters)
    }

    static func describeSimplexFailure(_ code: Int32) -> String {
        switch code {
        case GLP_EBADB: "glp_simplex: invalid initial basis"
        case GLP_ESING: "glp_simplex: singular basis matrix"
        case GLP_ECOND: "glp_simplex: ill-conditioned basis matrix"
        case GLP_EBOUND: "glp_simplex: invalid bounds"
        case GLP_EFAIL: "glp_simplex: solver failure"
        case GLP_EOBJLL, GLP_EOBJUL: "glp_simplex: objective limit reached"
        default: "glp_simplex returned code \(code)"
        }
    }

    static func code(for branching: GLPKOptions.Branching) -> Int32 {
        switch branching {
        case .firstFractional: GLP_BR_FFV
        case .lastFractional: GLP_BR_LFV
        case .mostFractional: GLP_BR_MFV
        case .driebeckTomlin: GLP_BR_DTH
        case .pseudoCost: GLP_BR_PCH
        }
    }

    static func code(for backtracking: GLPKOptions.Backtracking) -> Int32 {
        switch backtracking {
        case .depthFirst: GLP_BT_DFS
        case .breadthFirst: GLP_BT_BFS
        case .bestLocalBound: GLP_BT_BLB
        case .bestProjection: GLP_BT_BPH
        }
    }
}
