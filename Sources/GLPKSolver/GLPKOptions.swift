// SPDX-License-Identifier: GPL-3.0-or-later

import LinearModel
import Logging

/// Settings for ``GLPKSolver``. Defaults follow GLPK's own defaults except that the presolver is on.
public struct GLPKOptions: Sendable {
    /// How the branch-and-bound chooses the variable to branch on (`glp_iocp.br_tech`).
    public enum Branching: Sendable, Hashable {
        case firstFractional, lastFractional, mostFractional
        /// Driebeck–Tomlin heuristic (GLPK's default).
        case driebeckTomlin
        /// Hybrid pseudo-cost heuristic.
        case pseudoCost
    }

    /// How the branch-and-bound chooses the next node (`glp_iocp.bt_tech`).
    public enum Backtracking: Sendable, Hashable {
        case depthFirst, breadthFirst
        /// Best local bound (GLPK's default).
        case bestLocalBound
        /// Best projection heuristic.
        case bestProjection
    }

    /// Which cut families GLPK generates (all off by default, as in GLPK).
    public struct Cuts: Sendable, Hashable {
        /// Gomory mixed-integer cuts (`gmi_cuts`).
        public var gomory = false
        /// Mixed-integer rounding cuts (`mir_cuts`).
        public var mixedIntegerRounding = false
        /// Mixed cover cuts (`cov_cuts`).
        public var cover = false
        /// Clique cuts (`clq_cuts`).
        public var clique = false

        public init(gomory: Bool = false, mixedIntegerRounding: Bool = false, cover: Bool = false, clique: Bool = false) {
            self.gomory = gomory
            self.mixedIntegerRounding = mixedIntegerRounding
            self.cover = cover
            self.clique = clique
        }

        /// Every cut family on.
        public static let all = Cuts(gomory: true, mixedIntegerRounding: true, cover: true, clique: true)
        /// No cuts.
        public static let none = Cuts()
    }

    /// Wall-clock limit in seconds for the whole solve (`tm_lim`, in ms, shared by the root LP and the
    /// branch-and-cut; counted from when this solve gets GLPK, i.e. after waiting for the lock); `nil`
    /// for none. GLPK checks it between iterations, so runs may overshoot a little.
    public var timeLimit: Double?
    /// Relative MIP gap at which to stop (`mip_gap`); 0 means prove optimality.
    public var relativeGap: Double
    /// Use GLPK's presolvers (`presolve`). With a warm start the MIP presolver is bypassed,
    /// because GLPK's callback then sees the transformed problem and cannot take our point.
    public var presolve: Bool
    /// Branching rule.
    public var branching: Branching
    /// Node selection rule.
    public var backtracking: Backtracking
    /// Cut generation.
    public var cuts: Cuts
    /// Feasibility pump heuristic (`fp_heur`).
    public var feasibilityPump: Bool
    /// Proximity search heuristic (`ps_heur`).
    public var proximitySearch: Bool
    /// The share of the remaining time proximity search may use (`ps_tm_lim`); it ignores `tm_lim`.
    public var proximitySearchShare: Double = 0.3
    /// Hand the model's names to GLPK (only useful for GLPK's own diagnostics; costs time).
    public var passNames: Bool
    /// Incumbents shared with searches running beside this solve (polled at GLPK's heuristic
    /// callback, at most every `exchangeInterval` seconds, and told of every new incumbent). With an
    /// exchange GLPK's MIP presolver is bypassed, as with a warm start.
    public var exchange: (any IncumbentExchange)?
    public var exchangeInterval = 0.5
    /// Receives GLPK's terminal output when its level is `.debug` or `.trace`; otherwise GLPK is silent.
    public var logger: Logger?

    public init(timeLimit: Double? = nil, relativeGap: Double = 0, presolve: Bool = true,
                branching: Branching = .driebeckTomlin, backtracking: Backtracking = .bestLocalBound,
                cuts: Cuts = .none, feasibilityPump: Bool = false, proximitySearch: Bool = false,
                passNames: Bool = false, logger: Logger? = nil) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.branching = branching
        self.backtracking = backtracking
        self.cuts = cuts
        self.feasibilityPump = feasibilityPump
        self.proximitySearch = proximitySearch
        self.passNames = passNames
        self.logger = logger
    }
}
