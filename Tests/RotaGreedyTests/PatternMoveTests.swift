import Foundation
import Testing
import RotaModel
import RotaChecker
@testable import RotaGreedy

/// A small shift roster in the imported Curtois & Qu form (two shift types, E and L, where E may
/// not follow L), eight days from a Monday, three workers. Worker A carries every rule the pattern
/// move models: a cap on E shifts, total minutes within [3, 5] shifts, runs of two to three working
/// days, at least two days off in a row, one weekend, a day off, and requests on and off.
func patternScenario(seed: UInt64) throws -> Instance {
    var rng = SplitMix64(seed: seed)
    let days = 8
    func date(_ d: Int) -> String { String(format: "2026-11-%02d", 23 + d) }
    var shifts: [String] = []
    for d in 0..<days {
        for t in ["E", "L"] {
            shifts.append("""
            {"id": "\(t)-\(d)", "type": "\(t)", "date": "\(date(d))", "required": \(rng.int(3)),
             "underWeight": \(1 + rng.int(60)), "overWeight": \(rng.int(40)), "min": 0, "max": 3}
            """)
        }
    }
    var requests: [String] = []
    for _ in 0..<5 {
        let d = rng.int(days)
        requests.append("""
        {"date": "\(date(d))", "shiftType": "\(rng.chance(0.5) ? "E" : "L")", "on": \(rng.chance(0.5)), "weight": \(1 + rng.int(9))}
        """)
    }
    let off = 1 + rng.int(days - 2)
    func worker(_ id: String, extra: String) -> String {
        """
        {"id": "\(id)", "base": "ward", "maxShifts": {"E": \(id == "A" ? 2 : 8), "L": 8}, "maxTotalMinutes": 2400,
         "minTotalMinutes": \(id == "A" ? 1440 : 0), "maxConsecutiveDays": 3, "minConsecutiveDays": 2,
         "minConsecutiveDaysOff": 2, "maxWeekends": 1\(extra)}
        """
    }
    let text = """
    {"format": "rota-scenario/1", "name": "pattern", "timeZone": "UTC",
     "horizon": {"start": "2026-11-23", "days": \(days)},
     "rules": {"maxShiftsPerDay": 1, "minRestMinutes": 0, "maxWeeklyMinutes": 10080,
               "maxConsecutiveDays": 8, "minConsecutiveDays": 1, "minConsecutiveDaysOff": 1},
     "locations": [{"id": "ward", "lat": 52.9, "lon": -1.2}],
     "venues": [], "cases": [], "sessions": [],
     "workers": [
       \(worker("A", extra: """
       , "requests": [\(requests.joined(separator: ","))],
         "unavailable": [{"from": "\(date(off))T00:00", "to": "\(date(off + 1))T00:00", "reason": "day off"}]
       """)),
       \(worker("B", extra: "")), \(worker("C", extra: ""))
     ],
     "shiftTypes": [
       {"id": "E", "start": "00:00", "durationMinutes": 480, "countedMinutes": 480, "cannotFollow": [], "fairness": false},
       {"id": "L", "start": "00:00", "durationMinutes": 480, "countedMinutes": 480, "cannotFollow": ["E"], "fairness": false}
     ],
     "shifts": [\(shifts.joined(separator: ","))]}
    """
    return try Instance.compile(try DocumentLoader.parse(Data(text.utf8), file: "pattern.json"), file: "pattern.json")
}

@Suite struct PatternMoveTests {
    /// With a wide beam the dynamic programme is exact: its plan for worker A, with B's and C's
    /// shifts held, scores what the best of all 3^8 plans scores when each is laid in the engine.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func planIsTheBestOfEveryPlan(seed: UInt64) throws {
        let inst = try patternScenario(seed: seed)
        let e = Engine(inst)
        let ls = LocalSearch(e, seed: seed, lambda: 7)
        // The others' shifts: a few, at random, where the rules let them.
        var rng = SplitMix64(seed: seed ^ 99)
        for h in 0..<e.nH { for w in 1...2 where rng.chance(0.4) { _ = e.addShift(h, w) } }
        let a = 0
        let byDay = (0..<e.D).map { d in (0..<e.nH).filter { inst.shifts[$0].day == d } }

        func clear() { for h in 0..<e.nH { e.removeShift(h, a) } }
        func lay(_ plan: [Int?]) -> Bool {
            clear()
            for h in plan.compactMap({ $0 }) where !e.addShift(h, a) { return false }
            return true
        }
        var best = Int.max, plans = 0
        var choice = [Int](repeating: 0, count: e.D)
        repeat {
            let plan: [Int?] = (0..<e.D).map { d in choice[d] == 0 ? nil : byDay[d][choice[d] - 1] }
            if lay(plan) { plans += 1; best = min(best, e.score(ls.lambda)) }
            var d = 0
            while d < e.D { choice[d] += 1; if choice[d] <= byDay[d].count { break }; choice[d] = 0; d += 1 }
            if d == e.D { break }
        } while true
        #expect(plans > 10)

        clear()
        let plan = try #require(ls.planPattern(a, keep: 64))
        #expect(lay(plan), "the plan breaks a strict rule")
        #expect(e.score(ls.lambda) == best)
        // Held days outside a window keep the worker's shift.
        let window = 2..<5
        let held = try #require(ls.planPattern(a, window: window))
        for d in 0..<e.D where !window.contains(d) { #expect(held[d] == plan[d]) }
    }

    /// On an imported benchmark roster the move only ever lowers the score it reports, and the
    /// engine's totals stay equal to a recomputation from scratch.
    @Test func movesKeepTheEngineExact() throws {
        let inst = try patternScenario(seed: 11)
        let e = Engine(inst)
        let ls = LocalSearch(e, seed: 5, lambda: 7)
        var improved = 0
        for round in 0..<60 {
            let before = e.score(ls.lambda)
            ls.journal.removeAll()
            let (name, ok) = ls.patternMove(round % 3)
            #expect(name == "pattern")
            if ok && e.score(ls.lambda) < before { improved += 1 } else if ok { ls.undo() }
            let r = e.recomputedTotals()
            #expect(r.cost == e.totalCost && r.penalty == e.totalPenalty)
        }
        #expect(improved > 0)
        #expect(Checker.check(e.assignment, in: inst).objective.total == e.totalCost)
    }
}

/// Kicks: once the search finds no new best for `kickAfter` moves it takes `kickMoves` moves
/// whatever they cost and goes on; the best rota is kept, so the answer is never worse than the
/// start, and the engine's books stay exact.
@Suite struct KickTests {
    @Test func kicksKeepTheBestAndTheBooks() throws {
        let inst = try patternScenario(seed: 11)
        let e = Engine(inst)
        e.constructShifts(lambda: 7)
        let start = e.score(7)
        let ls = LocalSearch(e, seed: 5, lambda: 7)
        ls.kickAfter = 200
        var calls = 0
        let (best, _) = ls.run(until: { calls += 1; return calls > 800 }, maxIdle: Int.max, verify: { _ in true })
        #expect(ls.kicks > 0)
        #expect(best.cost + 7 * best.penalty <= start)
        let r = e.recomputedTotals()
        #expect(r.cost == e.totalCost && r.penalty == e.totalPenalty)
    }
}

/// By default only the time limit stops the search: where it settles (a scenario this small settles
/// within a fraction of a second) it kicks and goes on, and the answer is still the known optimum.
@Suite struct SearchUsesItsTimeTests {
    @Test func theDefaultSearchRunsToTheLimitAndKicks() throws {
        let inst = try Instance.compile(tinyScenario())
        let r = GreedySolver().solve(inst, options: SolveOptions(timeLimit: 1.5, seed: 1, threads: 1))
        let a = try #require(r.assignment)
        #expect(Checker.check(a, in: inst).objective.total == 2100)
        #expect(r.seconds >= 1.0, "stopped at \(r.seconds) s of a 1.5 s limit")
        let search = try #require(r.notes.first { $0.hasPrefix("local search:") })
        #expect(search.contains(" kicks"), "\(search)")
    }

    /// `SolveOptions.maxIdleMoves` (`--max-idle-moves`) gives back the stop on idle moves: well before
    /// the limit, and the same rota on every run with the same seed.
    @Test func idleMovesStopTheSearchTheSameWayEveryTime() throws {
        let inst = try Instance.compile(tinyScenario())
        var options = SolveOptions(timeLimit: 10, seed: 3, threads: 1)
        options.maxIdleMoves = 2_000
        let first = GreedySolver().solve(inst, options: options)
        let second = GreedySolver().solve(inst, options: options)
        let a = try #require(first.assignment)
        #expect(Checker.check(a, in: inst).objective.total == 2100)
        #expect(first.seconds < 5, "ran \(first.seconds) s of a 10 s limit")
        #expect(second.assignment == a)
        let search = try #require(first.notes.first { $0.hasPrefix("local search:") })
        #expect(!search.contains(" kicks"), "\(search)")
    }

    /// A second construction (rooms before workers) runs only when it ends within the limit: with
    /// sessions left out and a long limit it is weighed; with a limit far shorter than the first, it is
    /// skipped, said so, and the rota is still valid.
    @Test func aSecondConstructionOnlyWhenItFits() throws {
        let inst = try Instance.compile(tinyScenario())
        let roomy = GreedySolver(localSearch: false).solveWhole(inst, options: SolveOptions(timeLimit: 5, seed: 1, threads: 1))
        #expect(!roomy.notes.contains { $0.contains("would not end within the time limit") }, "\(roomy.notes)")
        let hurried = GreedySolver(localSearch: false).solveWhole(inst, options: SolveOptions(timeLimit: 1e-9, seed: 1, threads: 1))
        #expect(hurried.notes.contains { $0.contains("would not end within the time limit") }, "\(hurried.notes)")
        let a = try #require(hurried.assignment)
        #expect(Checker.check(a, in: inst).isFeasible)
        #expect(a.sessions.contains { $0 == nil }, "s5 needs a skill nobody free has")
    }
}
