// SPDX-License-Identifier: GPL-3.0-or-later

internal import CGLPK
import Foundation
import LinearModel

/// State shared with GLPK's branch-and-cut callback (`glp_iocp.cb_func`) through `cb_info`.
///
/// The callback (1) offers the warm start to GLPK with `glp_ios_heur_sol` at the first
/// `GLP_IHEUR` request, so the search starts with that incumbent, and (2) records the best
/// proved bound seen during the search, so a run stopped by a limit can still report one; (3) with
/// an ``LinearModel/IncumbentExchange``, takes better points from it at `GLP_IHEUR` and reports
/// each new incumbent (`GLP_IBINGO`).
final class BranchAndCutContext {
    /// The warm start as a 1-based column vector (slot 0 unused), integers exactly integral.
    let warmStart: [Double]?
    let minimize: Bool
    /// Whether the warm start has been offered / accepted.
    private(set) var warmStartOffered = false
    private(set) var warmStartAccepted = false
    /// Best proved bound on the optimum seen so far (lower when minimising, upper when maximising).
    private(set) var bestBound: Double?

    let columns: Int
    let exchange: (any IncumbentExchange)?
    let exchangeInterval: Double
    private var lastPoll = ContinuousClock.now
    /// Points taken from the exchange, and incumbents reported to it.
    private(set) var taken = 0, reported = 0

    init(warmStart: [Double]?, minimize: Bool, columns: Int = 0, exchange: (any IncumbentExchange)? = nil,
         exchangeInterval: Double = 0.5) {
        self.warmStart = warmStart
        self.minimize = minimize
        self.columns = columns
        self.exchange = exchange
        self.exchangeInterval = exchangeInterval
    }

    /// The C callback. No Swift error may cross it, and it touches nothing but `info`.
    static let callback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
        guard let tree, let info else { return }
        Unmanaged<BranchAndCutContext>.fromOpaque(info).takeUnretainedValue().handle(tree)
    }

    private func handle(_ tree: OpaquePointer) {
        if glp_ios_reason(tree) == GLP_IHEUR, !warmStartOffered, let warmStart {
            warmStartOffered = true
            // Returns 0 when GLPK takes the point as its new incumbent. GLPK does not check
            // feasibility here; the solver verified the point against the model beforehand.
            warmStartAccepted = warmStart.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) } == 0
        }
        if let exchange {
            exchangeIncumbents(tree, exchange)
        }
        recordBound(tree)
    }

    private func exchangeIncumbents(_ tree: OpaquePointer, _ exchange: any IncumbentExchange) {
        guard let problem = glp_ios_get_prob(tree) else { return }
        let status = glp_mip_status(problem)
        let hasIncumbent = status == GLP_FEAS || status == GLP_OPT
        switch glp_ios_reason(tree) {
        case GLP_IBINGO where hasIncumbent:
            // GLPK has stored its new incumbent in the problem object.
            let point = OneBased.readColumns(count: columns) { glp_mip_col_val(problem, $0) }
            reported += 1
            exchange.found(point, objective: glp_mip_obj_val(problem))
        case GLP_IHEUR:
            let now = ContinuousClock.now
            guard now - lastPoll >= .seconds(exchangeInterval) else { return }
            lastPoll = now
            guard let point = exchange.point(betterThan: hasIncumbent ? glp_mip_obj_val(problem) : nil),
                  point.count == columns else { return }
            let vector = OneBased.columnVector(point)
            if vector.withUnsafeBufferPointer({ glp_ios_heur_sol(tree, $0.baseAddress) }) == 0 { taken += 1 }
        default:
            break
        }
    }

    /// A valid bound at this moment is the better-of(incumbent, best active node's local bound):
    /// every optimal point lies either in an active subproblem or in a part of the tree pruned
    /// against the incumbent. Bounds only tighten, so keep the tightest seen.
    private func recordBound(_ tree: OpaquePointer) {
        let node = glp_ios_best_node(tree)
        var bound: Double
        if node != 0 {
            bound = glp_ios_node_bound(tree, node)
        } else {
            bound = minimize ? .infinity : -.infinity  // no active subproblem: the incumbent decides
        }
        if let problem = glp_ios_get_prob(tree), glp_mip_status(problem) == GLP_FEAS || glp_mip_status(problem) == GLP_OPT {
            let incumbent = glp_mip_obj_val(problem)
            bound = minimize ? min(bound, incumbent) : max(bound, incumbent)
        }
        guard bound.isFinite, abs(bound) < 1e300 else { return }  // GLPK uses ±DBL_MAX for "none"
        if let best = bestBound {
            bestBound = minimize ? max(best, bound) : min(best, bound)
        } else {
            bestBound = bound
        }
    }
}
