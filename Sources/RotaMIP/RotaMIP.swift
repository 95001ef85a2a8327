// SPDX-License-Identifier: GPL-3.0-or-later
// RotaMIP: the rota as an exact, solver-neutral integer program, and a solver around it
// (whole model when it is small enough, else a large-neighbourhood search over exact sub-models).
import Foundation
import RotaModel
import RotaChecker
import LinearModel

public struct MIPRotaSolver: Sendable {
    /// Solves a model: (model, warm start, time limit in seconds) → result.
    public typealias SolveFunction = @Sendable (MIPModel, [Double]?, Double) throws -> MIPResult
    let solveModel: SolveFunction
    /// Solves the whole model, sharing incumbents with the soft search beside it when there is one
    /// (nil: `solveModel`): it may afford what small sub-problems cannot, such as cuts.
    public typealias WholeSolveFunction = @Sendable (MIPModel, [Double]?, Double, (any IncumbentExchange)?) throws -> MIPResult
    public var solveWholeModel: WholeSolveFunction?
    /// Solves a model's LP relaxation (integrality dropped). With it, the soft search also fixes what
    /// the incumbent shares with the whole model's relaxation and re-optimises the rest (RINS).
    /// (model, time limit in seconds) → result.
    public typealias RelaxFunction = @Sendable (MIPModel, Double) throws -> MIPResult
    public var solveRelaxation: RelaxFunction?
    /// Above this many (estimated) nonzeros the whole model is not built; LNS runs instead.
    public var maxNonzeros: Int
    /// Name written into results.
    public var name: String
    /// With a time limit of T seconds, the whole model is built only up to T × this many nonzeros.
    public var nonzerosPerSecond = 7_000
    /// Whole models above this many (estimated) nonzeros get an LNS warm-up when no start is given.
    public var warmupAbove = 50_000
    /// Share of the time limit the warm-up may use.
    public var warmupShare = 0.2
    /// A rota to start from when `options.start` is absent or breaks hard rules: the orchestrator's
    /// greedy rota, passed even when it breaks minimums (H7 minimum minutes, H10 minimum runs, H11 `min`).
    /// Used only when it is feasible or breaks nothing but those minimums.
    public var fallbackStart: Assignment?
    /// Shift-only instances (no sessions), and any instance whose only start breaks nothing but minimums:
    /// a large-neighbourhood search on the model with soft minimums (`SoftNeighbourhoodSearch`) runs first.
    public var softSearch = true
    /// Share of the time limit the soft search has before the whole model (when the whole model fits).
    /// Measured on Curtois & Qu 4, 6, 7 at 60 s: 0.25 gives 1723 / 2758 / 1819, 0.5 gives 1719 / 2468 / 1409.
    public var softSearchShare = 0.5
    /// Above this many (estimated) nonzeros, GLPK's whole model seldom improves on the search's rota
    /// within a minute (Curtois & Qu 6-12), so the search keeps `softSearchShareLarge` of the time.
    public var softSearchLargeAbove = 12_000
    public var softSearchShareLarge = 0.85
    /// Time limit of one soft sub-problem (seconds).
    public var softSubLimit = 2.0
    /// Most lanes the soft search runs at once (each its own thread and GLPK; `options.threads` caps it).
    /// 1 when GLPK is not re-entrant.
    public var lanes = 1

    public init(name: String = "glpk", maxNonzeros: Int = 250_000, solve: @escaping SolveFunction) {
        self.solveModel = solve
        self.maxNonzeros = maxNonzeros
        self.name = name
    }

    public func solve(_ instance: Instance, options: SolveOptions) -> SolverResult {
        var result = search(instance, options: options)
        // Every rota's objective is a whole number (the checker's, in whole minutes and integer weights),
        // so a bound b proves every rota costs at least ⌈b⌉: a rota at ⌈b⌉ is optimal even when GLPK
        // stopped at its time limit with the gap still open below 1.
        if result.status == .feasible, let bound = result.bound, let a = result.assignment {
            let objective = Checker.check(a, in: instance).objective.total
            if objective <= leastWholeObjective(bound: bound) {
                result.status = .optimal
                result.notes.append(wholeNumberProofNote(objective: objective, bound: bound))
                result.bound = Double(objective)
            }
        }
        return result
    }

    private func search(_ instance: Instance, options: SolveOptions) -> SolverResult {
        let stopwatch = Stopwatch()
        let elapsed: @Sendable () -> Double = { stopwatch.seconds }
        var notes: [String] = []
        let estimate = RotaFormulation.estimatedNonzeros(instance, stopAbove: maxNonzeros)
        notes.append("estimated nonzeros of the whole model: " + (estimate > maxNonzeros ? "over \(maxNonzeros)" : "\(estimate)"))
        var start = options.start
        var softStart: Assignment?
        if let s = start {
            let report = Checker.check(s, in: instance)
            if !report.isFeasible {
                if breaksOnlyMinimums(report) { softStart = s }
                notes.append("given start breaks hard rules; " + (softStart == nil ? "not used" : "only minimums, so the soft search starts from it"))
                start = nil
            }
        }
        if start == nil, let fb = fallbackStart {
            let report = Checker.check(fb, in: instance)
            if report.isFeasible { start = fb } else if softStart == nil, breaksOnlyMinimums(report) { softStart = fb }
            notes.append("fallback start: " + (report.isFeasible ? "valid" : softStart != nil ? "breaks only minimums" : "breaks hard rules; not used"))
        }
        // The whole model when GLPK can be expected to make progress on it within the time limit.
        let wholeLimit = min(maxNonzeros, Int(Double(nonzerosPerSecond) * options.timeLimit))
        var softSearched = false
        // Lanes of the soft search that go on beside the whole model (on the other cores).
        var beside: SoftNeighbourhoodSearch?
        // Shift rostering and scenarios that are mostly shifts (`Instance.isMostlyShifts`), or any
        // scenario whose only start breaks minimums (H7, H10, H11 `min`): the whole model seldom finds
        // a first valid rota there, the soft search does, and from a valid one the whole model stalls
        // where the soft search improves (the recovery example at 20 s: GLPK's whole model kept the
        // native rota, 2334 against a bound of 451; the soft search first gave 1762).
        if softSearch && (instance.isMostlyShifts || (start == nil && softStart != nil)) {
            // LNS on the model with soft minimums, then (when it fits) the whole model warm-started
            // from the best valid rota.
            // Mostly shifts with sessions: GLPK's whole model bounds them weakly (the recovery example: LP 450.8,
            // HiGHS's root 874.7), so the soft search keeps the larger share. At 60 s, seeds 1-3: 1478/1498/1512
            // against 1599/1498/2082 with half; at 20 s the same median (1879).
            let bigShare = estimate > softSearchLargeAbove || (instance.isMostlyShifts && !instance.isShiftRostering)
            let share = estimate > wholeLimit ? 1 : bigShare ? softSearchShareLarge : softSearchShare
            // Without a valid rota by then, the search keeps the whole time (the whole model finds none either).
            var soft = SoftNeighbourhoodSearch(instance: instance, solveModel: solveModel, seed: options.seed,
                                               deadline: options.timeLimit, elapsed: elapsed)
            soft.handOver = options.timeLimit * share
            soft.subLimit = softSubLimit
            soft.lanes = max(1, min(options.threads, lanes))
            soft.solveRelaxation = solveRelaxation
            // With more than one lane, the others keep searching while the whole model runs on this one.
            let whole = estimate <= wholeLimit
            let found = soft.run(start: start ?? softStart, keepSearching: whole && soft.lanes > 1)
            softSearched = true
            if let a = found { start = a }
            if !whole || found == nil {
                soft.finish()
                notes += soft.notes
                guard let a = soft.best?.rota else {
                    return SolverResult(assignment: nil, status: .error, solver: name + "-softlns", seconds: elapsed(), notes: notes)
                }
                return SolverResult(assignment: a, status: .feasible, bound: nil, solver: name + "-softlns", seconds: elapsed(), notes: notes)
            }
            beside = soft
        }
        /// The whole model's answer, or what the lanes beside it found when that is better.
        func withBeside(_ result: SolverResult) -> SolverResult {
            guard var soft = beside else { return result }
            soft.finish()
            var r = result
            r.notes += soft.notes
            guard let found = soft.best, let a = r.assignment,
                  found.objective < Checker.check(a, in: instance).objective.total else { return r }
            r.assignment = found.rota
            r.status = .feasible
            r.notes.append("the soft search beside the whole model found a better rota (\(found.objective))")
            r.solver = name
            return r
        }
        if estimate <= wholeLimit {
            if start == nil && estimate > warmupAbove && !softSearched {
                // A quick incumbent from the large-neighbourhood search, then the whole model warm-started.
                var lns = LargeNeighbourhoodSearch(instance: instance, solveModel: solveModel, seed: options.seed,
                                                   deadline: options.timeLimit * warmupShare, elapsed: elapsed)
                lns.subLimit = 5
                if let a = lns.run(start: nil), Checker.check(a, in: instance).isFeasible { start = a }
                notes += lns.notes.map { "warm-up " + $0 }
            }
            let f = RotaFormulation.buildModel(instance)
            let size = f.size
            notes.append("whole model: \(size.variables) variables, \(size.constraints) rows, \(size.nonzeros) nonzeros")
            let warm = start.flatMap { f.point(for: $0) }
            let limit = max(1, options.timeLimit - elapsed())
            do {
                // The lanes beside hand their better rotas to GLPK's search and take its new incumbents.
                let exchange = beside?.state.map { SoftSearchExchange(formulation: f, instance: instance, state: $0, elapsed: elapsed) }
                let r = try solveWholeModel.map { try $0(f.model, warm, limit, exchange) } ?? solveModel(f.model, warm, limit)
                notes.append(contentsOf: r.messages)
                notes.append("MIP: \(r.termination), objective \(r.objective.map { "\($0)" } ?? "none"), bound \(r.bound.map { "\($0)" } ?? "none")")
                if let values = r.values, r.hasSolution {
                    let a = f.assignment(from: values)
                    let report = Checker.check(a, in: instance)
                    if report.isFeasible {
                        let obj = Double(report.objective.total)
                        if let mo = r.objective, abs(mo - obj) > 0.5 {
                            notes.append("formulation mismatch: MIP objective \(mo), checker \(obj)")
                        }
                        var best = a
                        var status: SolveStatus = (r.termination == .optimal) ? .optimal : .feasible
                        if let s = start, Checker.check(s, in: instance).objective.total < report.objective.total {
                            best = s; status = .feasible
                        }
                        let bound = status == .optimal ? obj : r.bound
                        return withBeside(SolverResult(assignment: best, status: status, bound: bound, solver: name,
                                            seconds: elapsed(), notes: notes))
                    }
                    notes.append("formulation bug: the MIP's rota breaks " + report.violatedRules.joined(separator: ", ")
                                 + ": " + report.violations.prefix(3).map(\.message).joined(separator: "; "))
                } else if r.termination == .infeasible {
                    return withBeside(SolverResult(assignment: nil, status: .infeasible, solver: name, seconds: elapsed(),
                                        notes: notes + ["the whole model is infeasible: no rota satisfies the hard rules"]))
                }
                if let s = start {
                    return withBeside(SolverResult(assignment: s, status: .feasible, bound: r.bound, solver: name, seconds: elapsed(), notes: notes))
                }
                return withBeside(SolverResult(assignment: nil, status: .error, bound: r.bound, solver: name, seconds: elapsed(), notes: notes))
            } catch {
                notes.append("solver failed: \(error)")
                if let s = start { return withBeside(SolverResult(assignment: s, status: .feasible, solver: name, seconds: elapsed(), notes: notes)) }
                return withBeside(SolverResult(assignment: nil, status: .error, solver: name, seconds: elapsed(), notes: notes))
            }
        }
        var lns = LargeNeighbourhoodSearch(instance: instance, solveModel: solveModel, seed: options.seed,
                                           deadline: options.timeLimit, elapsed: elapsed)
        let out = lns.run(start: start)
        notes += lns.notes
        guard let best = out else {
            return SolverResult(assignment: nil, status: .error, solver: name, seconds: elapsed(), notes: notes)
        }
        return SolverResult(assignment: best, status: .feasible, bound: nil, solver: name + "-lns", seconds: elapsed(), notes: notes)
    }
}

/// The search's random numbers (one generator for every randomised search in rota).
typealias SplitMix = SeededGenerator

struct LargeNeighbourhoodSearch {
    let instance: Instance
    let solveModel: MIPRotaSolver.SolveFunction
    var rng: SplitMix
    let deadline: Double
    let elapsed: () -> Double
    var notes: [String] = []
    /// Sub-problems above this size are shrunk (fewer workers, fewer days).
    var maxSubNonzeros = 150_000
    /// Time limit of one sub-problem.
    var subLimit = 10.0

    init(instance: Instance, solveModel: @escaping MIPRotaSolver.SolveFunction, seed: UInt64, deadline: Double,
         elapsed: @escaping () -> Double) {
        self.instance = instance; self.solveModel = solveModel; self.rng = SplitMix(seed: seed)
        self.deadline = deadline; self.elapsed = elapsed
    }

    /// Solves the sub-model of `r`; returns a better checker-feasible rota or nil.
    mutating func improve(_ r: Restriction, incumbentObjective: Int?, limit: Double) -> (Assignment, Int)? {
        let f = RotaFormulation.buildModel(instance, fixed: r)
        let warm = incumbentObjective == nil ? nil : f.point(for: r.incumbent)
        guard let res = try? solveModel(f.model, warm, limit), let values = res.values, res.hasSolution else { return nil }
        let a = f.assignment(from: values)
        let report = Checker.check(a, in: instance)
        guard report.isFeasible else {
            notes.append("formulation bug in a sub-problem: " + report.violations.prefix(3).map(\.message).joined(separator: "; "))
            return nil
        }
        if let inc = incumbentObjective, report.objective.total >= inc { return nil }
        return (a, report.objective.total)
    }

    mutating func run(start: Assignment?) -> Assignment? {
        let inst = instance
        let allWorkers = Set(inst.workers.indices)
        var incumbent: Assignment
        var objective: Int
        if let s = start {
            incumbent = s; objective = Checker.check(s, in: inst).objective.total
        } else {
            // Phase 0: shifts only (sessions unassigned unless pinned or frozen).
            let empty = Assignment.empty(for: inst)
            let r = Restriction(incumbent: empty, freeWorkers: allWorkers, freeSessions: false)
            guard let (a, obj) = improve(r, incumbentObjective: nil, limit: max(1, min(deadline / 3, deadline - elapsed()))) else {
                notes.append("LNS: no starting rota (shift-only model found nothing)")
                return nil
            }
            incumbent = a; objective = obj
            notes.append("LNS: shift-only start, objective \(obj)")
        }
        var rounds = 0, accepted = 0
        // Days with something to place, for the day sweeps.
        var activeDays = Set<Int>()
        for info in inst.sessions { for t in inst.candidateStarts(info) { activeDays.insert(inst.clock.dayIndex(of: t)) } }
        for sh in inst.shifts where sh.day >= 0 && sh.day < inst.days { activeDays.insert(sh.day) }
        let sweepDays = activeDays.filter { $0 >= 0 && $0 < inst.days }.sorted()
        let sessions = inst.sessions.indices.filter { !inst.candidateStarts(inst.sessions[$0]).isEmpty }
        var sweep = 0
        var failedSweeps = 0
        while elapsed() < deadline - 0.5 {
            rounds += 1
            var r: Restriction
            if !sweepDays.isEmpty && (rounds % 2 == 1 || sessions.isEmpty) && failedSweeps < 2 * sweepDays.count {
                // Day sweep: every worker free on one day (halved while too big).
                let d = sweepDays[sweep % sweepDays.count]
                sweep += 1
                r = Restriction.fitting(inst, incumbent: incumbent, free: allWorkers, days: d..<(d + 1),
                                        maxNonzeros: maxSubNonzeros, rng: &rng)
            } else {
                guard !sessions.isEmpty else { break }
                // Seed: an unassigned session (more often) or any session; free 2-4 of its eligible workers
                // (with its current ones) on the days around it.
                let unassigned = sessions.filter { incumbent.sessions[$0] == nil }
                let s = (!unassigned.isEmpty && Int.random(in: 0..<3, using: &rng) < 2)
                    ? unassigned.randomElement(using: &rng)! : sessions.randomElement(using: &rng)!
                let info = inst.sessions[s]
                var pool = inst.workers.indices.filter { RotaFormulation.eligibleForSession(inst, info, $0) }
                pool.shuffle(using: &rng)
                var free = Set(pool.prefix(Int.random(in: 2...4, using: &rng)))
                if let p = incumbent.sessions[s] { free.formUnion(p.workers) }
                let day = inst.clock.dayIndex(of: incumbent.sessions[s]?.start ?? info.windows.first?.start ?? 0)
                var lo = max(0, day - 1), hi = min(inst.days, day + 2)
                r = Restriction(incumbent: incumbent, freeWorkers: free, freeDays: lo..<hi)
                while RotaFormulation.estimatedNonzeros(inst, restriction: r, stopAbove: maxSubNonzeros) > maxSubNonzeros && (free.count > 1 || hi - lo > 1) {
                    if hi - lo > 1 { if hi - day > 1 { hi -= 1 } else { lo += 1 } } else { free.remove(free.sorted().last!) }
                    r = Restriction(incumbent: incumbent, freeWorkers: free, freeDays: lo..<hi)
                }
            }
            let limit = min(subLimit, deadline - elapsed())
            guard limit > 0.5 else { break }
            let isSweep = r.freeDays.map { $0.count == 1 } ?? false
            if let (a, obj) = improve(r, incumbentObjective: objective, limit: limit) {
                incumbent = a; objective = obj; accepted += 1
                failedSweeps = 0
            } else if isSweep { failedSweeps += 1 }
        }
        notes.append("LNS: \(rounds) rounds, \(accepted) improvements, objective \(objective)")
        return incumbent
    }
}

extension Restriction {
    /// The workers `free` on `days`, halved at random (down to two) while the sub-problem is
    /// estimated above `maxNonzeros`.
    static func fitting(_ inst: Instance, incumbent: Assignment, free: Set<Int>, days: Range<Int>, maxNonzeros: Int,
                        rng: inout SplitMix) -> Restriction {
        var free = free
        var r = Restriction(incumbent: incumbent, freeWorkers: free, freeDays: days)
        while free.count > 2 && RotaFormulation.estimatedNonzeros(inst, restriction: r, stopAbove: maxNonzeros) > maxNonzeros {
            var ws = free.sorted(); ws.shuffle(using: &rng)
            free = Set(ws.prefix(ws.count / 2))
            r = Restriction(incumbent: incumbent, freeWorkers: free, freeDays: days)
        }
        return r
    }
}
