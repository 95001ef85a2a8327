import Foundation
import Testing
import RotaModel
import RotaChecker
@testable import RotaGreedy

/// A shift roster over `days` days in the imported Curtois & Qu form: three shift types (E, D, L;
/// E may not follow L), six workers with totals, runs, days off in a row, a weekend cap, a day off
/// a fortnight and requests, cover that asks for about as much as the workers can give.
func longRoster(days: Int, seed: UInt64) throws -> Instance {
    var rng = SplitMix64(seed: seed)
    let start = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                               year: 2026, month: 11, day: 23).date!
    let formatter = DateFormatter()
    formatter.calendar = Calendar(identifier: .gregorian)
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    func date(_ d: Int) -> String { formatter.string(from: start.addingTimeInterval(Double(d) * 86_400)) }
    let types = ["E", "D", "L"]
    var shifts: [String] = []
    for d in 0..<days {
        for t in types {
            shifts.append("""
            {"id": "\(t)-\(d)", "type": "\(t)", "date": "\(date(d))", "required": \(1 + rng.int(2)),
             "underWeight": 100, "overWeight": 1, "min": 0, "max": 6}
            """)
        }
    }
    let weekends = days / 7
    var workers: [String] = []
    for i in 0..<6 {
        var requests: [String] = []
        for _ in 0..<(days / 7) {
            requests.append("""
            {"date": "\(date(rng.int(days)))", "shiftType": "\(types[rng.int(3)])", "on": \(rng.chance(0.5)), "weight": \(1 + rng.int(3))}
            """)
        }
        var unavailable: [String] = []
        for fortnight in stride(from: 0, to: days, by: 14) {
            let d = min(days - 1, fortnight + rng.int(14))
            unavailable.append(#"{"from": "\#(date(d))T00:00", "to": "\#(date(d + 1))T00:00", "reason": "day off"}"#)
        }
        workers.append("""
        {"id": "W\(i)", "base": "ward", "maxShifts": {"E": \(days), "D": \(days), "L": \(i == 0 ? days / 4 : days)},
         "maxTotalMinutes": \(days * 480 * 7 / 10), "minTotalMinutes": \(days * 480 / 2),
         "maxConsecutiveDays": 5, "minConsecutiveDays": 2, "minConsecutiveDaysOff": 2,
         "maxWeekends": \(weekends * 3 / 5), "requests": [\(requests.joined(separator: ","))],
         "unavailable": [\(unavailable.joined(separator: ","))]}
        """)
    }
    let text = """
    {"format": "rota-scenario/1", "name": "long", "timeZone": "UTC",
     "horizon": {"start": "\(date(0))", "days": \(days)},
     "rules": {"maxShiftsPerDay": 1, "minRestMinutes": 0, "maxWeeklyMinutes": 10080,
               "maxConsecutiveDays": 14, "minConsecutiveDays": 1, "minConsecutiveDaysOff": 1},
     "locations": [{"id": "ward", "lat": 52.9, "lon": -1.2}],
     "venues": [], "cases": [], "sessions": [],
     "workers": [\(workers.joined(separator: ","))],
     "shiftTypes": [
       {"id": "E", "start": "00:00", "durationMinutes": 480, "countedMinutes": 480, "cannotFollow": [], "fairness": false},
       {"id": "D", "start": "00:00", "durationMinutes": 480, "countedMinutes": 480, "cannotFollow": [], "fairness": false},
       {"id": "L", "start": "00:00", "durationMinutes": 480, "countedMinutes": 480, "cannotFollow": ["E"], "fairness": false}
     ],
     "shifts": [\(shifts.joined(separator: ","))]}
    """
    return try Instance.compile(try DocumentLoader.parse(Data(text.utf8), file: "long.json"), file: "long.json")
}

@Suite struct PatternConstructionTests {
    /// On the small roster (every rule of the pattern move binding on worker A), construction by
    /// patterns leaves no minimum short, the checker accepts its rota, and the engine's cost is the
    /// checker's objective.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func constructionMeetsTheMinimums(seed: UInt64) throws {
        let inst = try patternScenario(seed: seed)
        // Eight days and 48 pairs: the native solver itself constructs day by day here.
        #expect(!GreedySolver.constructsByPatterns(inst, start: nil))
        let e = Engine(inst)
        let (missed, tries) = LocalSearch(e, seed: seed, lambda: 20).constructByPatterns(hurry: { false })
        #expect(missed.isEmpty)
        #expect(tries[0] == inst.workers.count)
        #expect(e.totalPenalty == 0)
        let report = Checker.check(e.assignment, in: inst)
        #expect(report.isFeasible, "\(report.violations.prefix(3).map(\.description))")
        #expect(report.objective.total == e.totalCost)
        // Worker A must work at least three shifts (1440 minutes), so construction gave them some.
        #expect(e.assignment.shiftWorkers.filter { $0.contains(0) }.count >= 3)
    }

    /// Over twelve weeks (where the beam keys on the minutes' and weekends' pace), construction
    /// alone leaves at most a little short, and the native solver's repair ends with a rota the
    /// checker accepts.
    @Test(arguments: [1, 2] as [UInt64])
    func longHorizonIsValid(seed: UInt64) throws {
        let inst = try longRoster(days: 84, seed: seed)
        #expect(GreedySolver.constructsByPatterns(inst, start: nil))
        let e = Engine(inst)
        let (missed, _) = LocalSearch(e, seed: seed, lambda: 20).constructByPatterns(hurry: { false })
        #expect(missed.isEmpty)
        // Every worker starts with at least their minimum's worth of shifts in sight: no one is left empty.
        for w in inst.workers.indices { #expect(e.assignment.shiftWorkers.contains { $0.contains(w) }) }
        let r = GreedySolver(maxIdleMoves: 2_000, localSearch: true)
            .solve(inst, options: SolveOptions(timeLimit: 20, seed: seed, threads: 1))
        #expect(r.status == .feasible)
        let report = Checker.check(try #require(r.assignment), in: inst)
        #expect(report.isFeasible, "\(report.violations.prefix(3).map(\.description))")
    }

    /// The label table finds every key it was given, and nothing after a reset.
    @Test func keyHeadsFindsEveryKey() {
        var table = KeyHeads()
        var rng = SplitMix64(seed: 7)
        for round in 0..<3 {
            table.reset(expected: 10)
            var given: [Int: Int32] = [:]
            for i in 0..<5_000 {
                let key = rng.int(1 << 40) << 8 | round
                let slot = table.slot(key)
                table.set(slot, key, Int32(i))
                given[key] = Int32(i)
            }
            for (key, head) in given { #expect(table.head(table.slot(key)) == head) }
            table.reset(expected: 10)
            for key in given.keys.prefix(100) { #expect(table.head(table.slot(key)) == -1) }
        }
    }
}
