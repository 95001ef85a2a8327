// SPDX-License-Identifier: GPL-3.0-or-later

/// Why a solver stopped (first axis of a result, like MathOptInterface's `TerminationStatus`).
///
/// `.optimal` is reported only when the solver *proved* optimality (within its integrality and
/// feasibility tolerances, with a zero gap tolerance). A stop at a requested relative gap is
/// `.gapLimit`, never `.optimal`.
public enum Termination: Sendable, Hashable, CustomStringConvertible {
    /// Proved optimal.
    case optimal
    /// Stopped because the requested relative MIP gap was reached; the point is within that gap of optimal.
    case gapLimit
    /// Proved that no feasible point exists.
    case infeasible
    /// Proved that the objective is unbounded (a feasible point and an improving ray exist).
    case unbounded
    /// Proved that the model is infeasible or unbounded, without telling which
    /// (e.g. the LP relaxation of a MIP is dual infeasible).
    case infeasibleOrUnbounded
    /// The time limit was reached.
    case timeLimit
    /// An iteration or node limit was reached.
    case iterationOrNodeLimit
    /// The search was stopped on request.
    case interrupted
    /// The solver failed (numerical trouble, invalid data, …); the message says what happened.
    case error(String)

    public var description: String {
        switch self {
        case .optimal: "optimal"
        case .gapLimit: "gap limit reached"
        case .infeasible: "infeasible"
        case .unbounded: "unbounded"
        case .infeasibleOrUnbounded: "infeasible or unbounded"
        case .timeLimit: "time limit reached"
        case .iterationOrNodeLimit: "iteration or node limit reached"
        case .interrupted: "interrupted"
        case .error(let message): "error: \(message)"
        }
    }
}

/// What point a result carries (second axis, like MathOptInterface's `PrimalStatus`).
public enum PrimalStatus: Sendable, Hashable {
    /// `values` is a point the solver considers feasible (integer feasible for a MIP).
    case feasiblePoint
    /// There is no point.
    case noPoint
}

/// The outcome of a solve, shared by all backends.
public struct MIPResult: Sendable {
    /// Why the solver stopped.
    public var termination: Termination
    /// Whether ``values`` holds a feasible point.
    public var primalStatus: PrimalStatus
    /// One value per model variable (integers rounded) when `primalStatus == .feasiblePoint`.
    public var values: [Double]?
    /// Objective value of ``values`` (including the objective constant).
    public var objective: Double?
    /// A proved bound on the optimal objective: a lower bound when minimising, an upper bound
    /// when maximising. `nil` when no bound was proved.
    public var bound: Double?
    /// Wall-clock seconds spent in the solver, including loading the problem into it (but not
    /// time spent waiting for a shared solver to become free).
    public var seconds: Double
    /// Diagnostics worth showing a user (e.g. "warm start rejected: …").
    public var messages: [String]
    /// For an LP solved to optimality: one dual value (shadow price) per constraint, in the model's
    /// order, with the solver's sign convention for a minimisation (`∂ objective / ∂ rhs`). nil otherwise.
    public var rowDuals: [Double]?

    public init(termination: Termination, primalStatus: PrimalStatus, values: [Double]? = nil,
                objective: Double? = nil, bound: Double? = nil, seconds: Double = 0, messages: [String] = []) {
        self.termination = termination
        self.primalStatus = primalStatus
        self.values = values
        self.objective = objective
        self.bound = bound
        self.seconds = seconds
        self.messages = messages
    }

    /// Whether a feasible point is available.
    public var hasSolution: Bool { primalStatus == .feasiblePoint && values != nil }

    /// Relative gap `|objective − bound| / max(1e-10, |objective|)`, when both are known.
    public var relativeGap: Double? {
        guard let objective, let bound else { return nil }
        return abs(objective - bound) / max(1e-10, abs(objective))
    }

    /// The value of `variable` in the point, if there is one.
    public func value(of variable: Variable) -> Double? { values?[variable.index] }
}
