import Foundation
import Logging
import RotaChecker
import RotaColumns
import RotaModel

/// Which backend `rota solve` uses.
public enum SolverChoice: String, CaseIterable, Sendable {
    /// GLPK where the instance is small enough to benefit, the native solver otherwise, and the
    /// best valid answer of all attempts.
    case auto
    /// The integer program on GLPK (warm-started from the native solver).
    case glpk
    /// The native construction and local search.
    case greedy
    /// Everything left unassigned and every shift empty: valid only where no minimum binds.
    case trivial
}

/// The outcome of a solve: the document to write (already judged by the checker) and the verdict.
public struct SolveOutcome: Sendable {
    public var document: SolutionDocument
    public var report: CheckReport?
    public var attempts: [SolverResult]

    public init(document: SolutionDocument, report: CheckReport?, attempts: [SolverResult] = []) {
        self.document = document; self.report = report; self.attempts = attempts
    }

    /// The rota is valid by the checker.
    public var isValid: Bool { report?.isFeasible ?? false }
}

/// Runs backends, judges every answer with the checker, keeps the best valid one.
public struct SolveRunner: Sendable {
    public var logger: Logger
    public var backends: Backends

    public init(logger: Logger = Logger(label: "rota"), backends: Backends = .standard) {
        self.logger = logger
        self.backends = backends
    }

    /// The solvers this build can call, by name (so tests can substitute them).
    public struct Backends: Sendable {
        public var greedy: @Sendable (Instance, SolveOptions) -> SolverResult
        public var glpk: (@Sendable (Instance, SolveOptions) -> SolverResult)?
        /// How the whole integer program compares with what the MIP backend can search (nil: judged by
        /// `isSmallForMIP`, and never `.large`).
        public var wholeModel: (@Sendable (Instance) -> WholeModel)?
        /// Whether `glpk` searches on all `options.threads` cores where it runs its soft search
        /// (shift rostering); otherwise it uses one, and `auto` runs the native solver beside it.
        public var glpkUsesEveryCore: Bool
        /// Column generation on pure shift rostering: (instance, a valid rota to start from, seconds, seed) →
        /// its answer, or nil where it does not apply (sessions, fairness, a baseline, pinned shifts).
        public var columns: (@Sendable (Instance, Assignment, Double, UInt64) -> SolverResult?)?
        public init(greedy: @escaping @Sendable (Instance, SolveOptions) -> SolverResult,
                    glpk: (@Sendable (Instance, SolveOptions) -> SolverResult)?,
                    glpkUsesEveryCore: Bool = false,
                    columns: (@Sendable (Instance, Assignment, Double, UInt64) -> SolverResult?)? = nil,
                    wholeModel: (@Sendable (Instance) -> WholeModel)? = nil) {
            self.greedy = greedy; self.glpk = glpk; self.glpkUsesEveryCore = glpkUsesEveryCore
            self.columns = columns; self.wholeModel = wholeModel
        }
    }

    /// The whole integer program's size, as `auto` and `glpk` plan by it.
    public enum WholeModel: Sendable {
        /// Too large to build and search whole (GLPK works on sub-problems, if at all).
        case tooLarge
        /// Fits, and GLPK's own branch and cut may prove it.
        case small
        /// Fits, but is too large for GLPK's branch and cut to prove much in the time (the MIP backend
        /// gives most of the time to its sub-problem search).
        case large
    }

    public func solve(_ instance: Instance, choice: SolverChoice, options: SolveOptions) -> SolveOutcome {
        let stopwatch = Stopwatch()
        func elapsed() -> Double { stopwatch.seconds }
        var attempts: [SolverResult] = []
        var notes: [String] = []
        /// The best rota so far that the checker finds valid.
        func bestValid() -> Assignment? {
            attempts.compactMap { r in r.assignment.map { ($0, Checker.check($0, in: instance)) } }
                .filter { $0.1.isFeasible }.min { $0.1.objective.total < $1.1.objective.total }?.0
        }
        // Column generation applies (judged once: it builds a pricer).
        lazy var columnsApply = backends.columns != nil && Self.suitsColumns(instance)
        func wholeModel() -> WholeModel {
            backends.wholeModel?(instance) ?? (Self.isSmallForMIP(instance) ? .small : .tooLarge)
        }

        func run(_ name: String, _ body: () -> SolverResult) {
            let r = body()
            logger.info("\(name): \(r.status.rawValue) in \(String(format: "%.2f", r.seconds)) s")
            attempts.append(r)
        }

        /// Starts a backend on its own thread; the returned function waits for it until the time
        /// limit (plus a little grace) and returns its answer, or nil when it did not finish: the
        /// answer is then what the other attempts found. A backend that cannot be interrupted (GLPK
        /// inside one call) keeps running until the process ends.
        func startBounded(_ name: String, _ body: @escaping @Sendable () -> SolverResult) -> () -> SolverResult? {
            let box = ResultBox()
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                box.set(body())
                done.signal()
            }
            thread.stackSize = 64 << 20
            thread.start()
            return {
                let grace = 1 + options.timeLimit * 0.05
                let wait = max(0.1, options.timeLimit - elapsed() + grace)
                if done.wait(timeout: .now() + wait) == .timedOut {
                    notes.append("\(name) did not finish within the time limit, so its answer is not used")
                    logger.warning("\(name) did not finish within \(options.timeLimit) s")
                    return nil
                }
                guard let r = box.get() else { return nil }
                logger.info("\(name): \(r.status.rawValue) in \(String(format: "%.2f", r.seconds)) s")
                return r
            }
        }

        /// Runs a backend on its own thread under the time limit (see `startBounded`).
        func runBounded(_ name: String, _ body: @escaping @Sendable () -> SolverResult) {
            if let r = startBounded(name, body)() { attempts.append(r) }
        }

        /// Pure shift rostering: column generation from the last attempt's rota when it is valid, for
        /// `share` of the time left. True when its rota is proved optimal (nothing is left to do).
        func runColumns(share: Double) -> Bool {
            guard columnsApply, let columns = backends.columns, let a = attempts.last?.assignment,
                  Checker.check(a, in: instance).isFeasible else { return false }
            let seconds = (options.timeLimit - elapsed()) * share
            guard seconds > 0.5 else { return false }
            let r = columns(instance, a, seconds, options.seed)
            guard let r else { return false }
            logger.info("colgen: \(r.status.rawValue) in \(String(format: "%.2f", r.seconds)) s")
            attempts.append(r)
            notes.append("column generation: every worker's horizon a pattern, priced against the cover's duals, from the native solver's rota")
            return r.status == .optimal
        }

        switch choice {
        case .trivial:
            run("trivial") { TrivialSolver.solve(instance) }
        case .greedy:
            run("greedy") { backends.greedy(instance, options) }
        case .glpk:
            guard let glpk = backends.glpk else {
                notes.append("GLPK is not available in this build")
                break
            }
            // The native solver's answer is GLPK's warm start.
            var o = options
            let whole = wholeModel() != .tooLarge
            let greedyShare = options.timeLimit * (whole ? (instance.isShiftRostering ? 0.08 : 0.15) : 0.4)
            let warm = backends.greedy(instance, options.passedOn(timeLimit: max(0.5, greedyShare), seed: options.seed, threads: options.threads, start: options.start))
            // The warm start is an answer too, should GLPK not improve on it in time.
            attempts.append(warm)
            // Pure shift rostering: column generation (on GLPK's simplex and branch and cut) first.
            if runColumns(share: Self.columnsShare) { break }
            // Even a rota that breaks only minimums is a useful start: the MIP solver checks it.
            if let a = bestValid() ?? warm.assignment { o.start = a }
            notes.append("glpk: warm-started from the native solver's rota")
            o.timeLimit = max(1, (options.timeLimit - elapsed()) * 0.9)   // GLPK may overrun its limit a little
            let opts = o
            runBounded("glpk") { glpk(instance, opts) }
        case .auto:
            // Whole model small enough: a short native run warm-starts GLPK, which may prove
            // optimality. Medium: the native solver has most of the time and GLPK then
            // re-optimises sub-problems around its answer. Large: the native solver alone.
            let size = wholeModel()
            let whole = size != .tooLarge
            // Pure shift rostering too large to solve whole, where column generation does not run: GLPK's
            // sub-problems there (2-4 workers over the whole horizon, or every worker over days) are as
            // large as 180,000-210,000 nonzeros and seldom solve in their seconds, so the native solver
            // keeps the whole time. (At 60 s, the stand-in for Curtois & Qu 20, 182 days and 50 workers, seeds
            // 1-3: 24901 / 25337 / 25343 alone, against 25508 / 26193 / 26235 with GLPK's search after it; 22,
            // 364 days and 50 workers, seeds 1-2: 56758 / 56437 against 58578-59236 / 58677.
            // Benchmarks/RESULTS.md, session 31.)
            let nativeAlone = !whole && instance.isShiftRostering && !columnsApply
            let medium = !whole && Self.isSmallForMIP(instance) && !nativeAlone
            let useGLPK = backends.glpk != nil && (whole || medium)
            // Shift rostering (no sessions), when the whole model is large: the native solver has 70 % of the time,
            // but hands over at 12 % if it has no valid rota by then. With its pattern move it gains more in that
            // time than GLPK's neighbourhoods (Curtois & Qu at 60 s, 70 % against 40 %: Instance8 1570 against
            // 1674, Instance12 4624/4660 against 5086/4759 (seeds 1-2), Instances 6, 7, 9 and 10 within 2 %).
            // A smaller model goes to GLPK at 8 %, which may prove it optimal (Instance1 at 43 s; with the
            // native solver at 40 %, 52 s, and not at a 30 s limit).
            var nativeLonger = useGLPK && size == .large && instance.isShiftRostering
            // Column generation, where it applies, takes over from the native solver's first valid rota.
            let columnsFirst = useGLPK && columnsApply
            if columnsFirst { nativeLonger = false }
            let greedyShare = useGLPK ? options.timeLimit * (whole ? (instance.isShiftRostering ? (nativeLonger ? 0.7 : 0.08) : 0.2) : 0.6) : options.timeLimit
            var first = options.passedOn(timeLimit: max(0.5, greedyShare), seed: options.seed, threads: options.threads, start: options.start)
            if nativeLonger { first.validBy = options.timeLimit * 0.12 }
            // Column generation needs a valid rota to start from, not a good one: up to four weeks, the native
            // solver stops at 2 % of the time once it has one (at 10 % at the latest). (Curtois & Qu at 60 s:
            // Instances 1-4 proved in 1.2-1.5 s against 5.6-6.2 s at 10 %, Instance5 in 7.8 s against 36 s, the
            // others level; Benchmarks/curtois/RESULTS.md. Over longer horizons GLPK's search finishes from the
            // dive on days, and a poorer start lost there: stand-ins 14 and 17, 748 and 2244 against 666 and 2097.)
            if columnsFirst {
                first.timeLimit = max(0.5, options.timeLimit * 0.1)
                if instance.days <= 28 { first.enoughOnceValidAt = options.timeLimit * 0.02 }
            }
            run("greedy") { backends.greedy(instance, first) }
            if columnsFirst && runColumns(share: Self.columnsShare) { break }
            if let glpk = backends.glpk, useGLPK {
                var o = options
                // Even a rota that breaks only minimums is a useful start: the MIP solver checks it.
                if let a = bestValid() ?? attempts.last?.assignment { o.start = a }
                o.timeLimit = max(1, (options.timeLimit - elapsed()) * 0.9)   // GLPK may overrun its limit a little
                notes.append(whole ? "auto: the whole integer program fits, so GLPK searched it from the native solver's rota"
                                   : "auto: the integer program is too large to solve whole, so GLPK re-optimised parts of the native solver's rota")
                // Shift rostering, or mostly shifts: GLPK's soft search takes every core (the native search
                // stalls there: Benchmarks/curtois, and the recovery example in Benchmarks/RESULTS.md).
                // Otherwise GLPK uses one core and, with two, the native solver keeps searching on the
                // other, from its own rota (which may still break minimums, Benchmarks/RESULTS.md), and its
                // answer competes with GLPK's.
                let glpkTakesAll = backends.glpkUsesEveryCore && instance.isMostlyShifts
                if !glpkTakesAll { o.threads = 1 }
                let opts = o
                var native: (() -> SolverResult?)?
                if options.threads > 1 && !glpkTakesAll {
                    let more = options.passedOn(timeLimit: max(0.5, (options.timeLimit - elapsed()) * 0.9), seed: options.seed &+ 1,
                                                threads: 1, start: attempts.last?.assignment ?? options.start)
                    native = startBounded("greedy (other core)") { backends.greedy(instance, more) }
                }
                runBounded("glpk") { glpk(instance, opts) }
                if var r = native?() {
                    r.notes.insert("the native solver kept searching on the other core while GLPK ran", at: 0)
                    attempts.append(r)
                    notes.append("auto: the native solver kept searching on the other core while GLPK ran")
                }
            } else if backends.glpk == nil {
                notes.append("auto: GLPK is not available, so the native solver answered")
            } else if nativeAlone {
                notes.append("auto: the integer program is too large to solve whole, and GLPK's parts of a shift roster this size seldom solve in time, so the native solver had the whole time")
            } else {
                notes.append("auto: the instance is too large for GLPK to help within the time (\(instance.sessions.count) sessions, \(instance.workers.count) workers), so the native solver had the whole time")
            }
        }

        // Judge every answer; keep the best valid one.
        var best: (SolverResult, CheckReport)?
        for r in attempts {
            guard let a = r.assignment else {
                notes.append("\(r.solver): no rota (\(r.status.rawValue))\(r.notes.isEmpty ? "" : ": " + r.notes.joined(separator: "; "))")
                continue
            }
            let report = Checker.check(a, in: instance)
            if !report.isFeasible {
                let rules = report.violatedRules.joined(separator: ", ")
                notes.append("\(r.solver): answer rejected by the checker (breaks \(rules))")
                logger.warning("\(r.solver) answer rejected by the checker: \(report.violations.prefix(3).map(\.description).joined(separator: "; "))")
                continue
            }
            notes.append("\(r.solver): valid, objective \(report.objective.total), \(r.status.rawValue)\(r.bound.map { ", bound \(leastWholeObjective(bound: $0))" } ?? "")")
            if best == nil || report.objective.total < best!.1.objective.total
                || (report.objective.total == best!.1.objective.total && r.status == .optimal) {
                best = (r, report)
            }
        }
        let seconds = elapsed()
        guard let (winner, report) = best else {
            var doc = SolutionDocument()
            doc.scenario = instance.scenario.name
            let provedInfeasible = attempts.contains { $0.status == .infeasible }
            doc.status = provedInfeasible ? "infeasible" : "error"
            doc.solver = attempts.map(\.solver).joined(separator: "+")
            doc.seconds = (seconds * 100).rounded() / 100
            doc.reasons = notes + attempts.flatMap(\.notes)
            return SolveOutcome(document: doc, report: nil, attempts: attempts)
        }
        // `optimal` only when that backend proved it for the answer we return.
        var status = winner.status == .optimal ? "optimal" : "feasible"
        var bound = winner.bound
        // A proved bound from any attempt on the whole problem is a bound for all.
        for r in attempts where r.status == .optimal || r.bound != nil {
            if let b = r.bound { bound = max(bound ?? b, b) }
        }
        // Objectives are whole numbers: a bound within 1 of the answer proves it, whichever attempt found
        // the answer (the MIP solver cannot see the native solver's), and a bound can also refute a claim.
        if let b = bound {
            let proved = report.objective.total <= leastWholeObjective(bound: b)
            if proved && Double(report.objective.total) > b + 1e-6 {
                notes.append(wholeNumberProofNote(objective: report.objective.total, bound: b))
            }
            status = proved ? "optimal" : "feasible"
        }
        if attempts.count > 1 { notes.append("chosen: \(winner.solver) (the best valid answer)") }
        // Every unassigned session gets its reasons, whichever solver answered.
        var reasons = winner.reasons
        for (s, p) in winner.assignment!.sessions.enumerated() where p == nil && (reasons[s] ?? []).isEmpty {
            reasons[s] = WorkflowReasons.reasons(for: s, in: report.evaluation)
        }
        let doc = SolutionWriter.document(for: winner.assignment!, in: instance, status: status, solver: winner.solver,
                                          bound: bound, seconds: seconds, reasons: reasons, notes: notes)
        return SolveOutcome(document: doc, report: report, attempts: attempts)
    }

    /// Worker-shift pairs up to which `auto` runs column generation. Curtois & Qu 11 (50 workers, 168
    /// shifts) is solved to optimality in 4-15 s. On 12 (60 workers, 280 shifts: 16,800 pairs) the dive
    /// ran out of time until the master parked the patterns its LP does not need
    /// (`ColumnGenerationSolver.keptPerWorker`); it now ends at the optimum, 4040, in 20-31 s, against
    /// 4191-4211 from the native solver and GLPK's search on the same machine (Benchmarks/RESULTS.md,
    /// session 28). Over longer horizons the limit was 12,000 until the master's integer programme,
    /// which overran the minute, was left out there (session 31): the stand-in for Instance19 (84 days,
    /// 40 workers, 16,800 pairs) then gave 14416-14587 in 56.7-57.7 s (seeds 1-5), against 14992-15106
    /// without column generation (a proved bound is 13873).
    static let columnsPairLimit = 20_000

    /// Share of the time left that column generation has on pure shift rostering; GLPK's own search
    /// has the rest, from the best rota so far.
    static let columnsShare = 0.8

    /// Whether column generation models the instance exactly and its dive is within reach of a
    /// minute on these machines: at most `columnsPairLimit` worker-shift pairs.
    static func suitsColumns(_ instance: Instance) -> Bool {
        instance.isShiftRostering
            && instance.workers.count * instance.shifts.count <= columnsPairLimit
            && ColumnGenerationSolver.inapplicable(instance) == nil
    }

    /// Whether the whole integer program is worth building (the MIP backend itself decides
    /// between the whole model and sub-problems; this only decides whether `auto` tries it).
    public static func isSmallForMIP(_ instance: Instance) -> Bool {
        instance.sessions.count <= 150 && instance.workers.count <= 60 && instance.shifts.count <= 6000
    }
}

/// The honest minimal answer: nothing assigned, no shift worked.
public enum TrivialSolver {
    public static func solve(_ instance: Instance) -> SolverResult {
        var a = Assignment.empty(for: instance)
        // Pinned work is kept (H12) so the answer can be valid.
        for (s, info) in instance.sessions.enumerated() {
            if let p = info.pinned { a.sessions[s] = SessionPlacement(workers: p.workers, start: p.start, venue: p.venue) }
        }
        for (h, shift) in instance.shifts.enumerated() { a.shiftWorkers[h] = shift.pinnedWorkers }
        for (s, p) in a.sessions.enumerated() where p != nil {
            let c = instance.sessions[s].caseIndex
            if instance.cases[c].allocatedWorker == nil && a.allocations[c] == nil { a.allocations[c] = p!.lead }
        }
        return SolverResult(assignment: a, status: .feasible, solver: "trivial", seconds: 0,
                            notes: ["trivial: every session unassigned and every shift empty (pinned work kept)"])
    }
}

/// A result handed from a solver thread.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: SolverResult?
    func set(_ r: SolverResult) { lock.lock(); value = r; lock.unlock() }
    func get() -> SolverResult? { lock.lock(); defer { lock.unlock() }; return value }
}
