import RotaModel

/// Why a solver stopped and what it has, in the two axes of MathOptInterface: the returned
/// status is honest (`optimal` only when proved).
public enum SolveStatus: String, Sendable, Codable {
    /// Proved optimal by the solver.
    case optimal
    /// Valid, not proved optimal (heuristic answer, or a time limit with an incumbent).
    case feasible
    /// Proved that no rota satisfies the hard rules.
    case infeasible
    /// No valid rota found (time limit without incumbent, failure).
    case error
}

/// What a backend returns: an assignment (judged by the checker before anything is written).
public struct SolverResult: Sendable {
    public var assignment: Assignment?
    public var status: SolveStatus
    /// A proved lower bound on the objective, where the backend has one.
    public var bound: Double?
    public var solver: String
    public var seconds: Double
    /// Per unassigned session index: reasons in plain words.
    public var reasons: [Int: [String]]
    /// What the solver did (phases, moves, gaps), for logs and the solution's `notes`.
    public var notes: [String]

    public init(assignment: Assignment?, status: SolveStatus, bound: Double? = nil, solver: String, seconds: Double,
                reasons: [Int: [String]] = [:], notes: [String] = []) {
        self.assignment = assignment; self.status = status; self.bound = bound; self.solver = solver
        self.seconds = seconds; self.reasons = reasons; self.notes = notes
    }
}

/// Options every backend understands.
public struct SolveOptions: Sendable {
    public var timeLimit: Double = 30
    public var seed: UInt64 = 1
    /// Worker threads a backend may use (the machines have 2 cores).
    public var threads: Int = 2
    /// A starting rota (for example the baseline, or the greedy's answer for GLPK's warm start).
    public var start: Assignment?
    /// For the native solver: stop searching at this many seconds if none of its rotas so far is
    /// valid (`auto` then hands its best one to GLPK at once); nil: search until the time limit.
    public var validBy: Double?
    /// For the native solver: stop searching at this many seconds once one of its rotas is valid
    /// (`auto` hands it to column generation, which improves on it); nil: search until the time limit.
    public var enoughOnceValidAt: Double?
    /// For the native solver: stop its search after this many moves without a new best rota (nil:
    /// the solver's own setting, by default the time limit alone). A search that stops this way
    /// before the limit gives the same rota on every run with the same seed.
    public var maxIdleMoves: Int?
    public init(timeLimit: Double = 30, seed: UInt64 = 1, threads: Int = 2, start: Assignment? = nil) {
        self.timeLimit = timeLimit; self.seed = seed; self.threads = threads; self.start = start
    }

    /// The options of a run this one starts (a part, a warm start, a search beside another): its own
    /// time, seed, threads and start, and the caller's settings of how the search stops
    /// (`maxIdleMoves`); not this run's hand-over times (`validBy`, `enoughOnceValidAt`).
    public func passedOn(timeLimit: Double, seed: UInt64, threads: Int, start: Assignment?) -> SolveOptions {
        var o = SolveOptions(timeLimit: timeLimit, seed: seed, threads: threads, start: start)
        o.maxIdleMoves = maxIdleMoves
        return o
    }
}

/// The least objective a lower bound allows. Every rota's objective is a whole number (the checker's,
/// in whole minutes and integer weights), so a bound b allows nothing below ⌈b⌉, taken with a 1e-6
/// tolerance: GLPK's bound of 1000.0000001 allows 1000.
public func leastWholeObjective(bound b: Double) -> Int { Int((b - 1e-6).rounded(.up)) }

/// The note that says a rota is optimal by `leastWholeObjective(bound:)`.
public func wholeNumberProofNote(objective: Int, bound: Double) -> String {
    "optimal: objective \(objective) and bound \(bound); objectives are whole numbers, so none is below \(objective)"
}

/// Seconds elapsed since it was made, on the monotonic clock: what every solver's time limit is
/// measured with.
public struct Stopwatch: Sendable {
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    public init() { started = clock.now }
    public var seconds: Double {
        let d = clock.now - started
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
