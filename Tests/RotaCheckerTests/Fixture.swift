import Foundation
import RotaChecker
import RotaModel

/// A small hand-made team for rule tests: Monday 2026-11-23, a week, Europe/London.
enum Fixture {
    static func dt(_ s: String) -> LocalDateTime { LocalDateTime(parsing: s)! }
    static func day(_ s: String) -> LocalDate { LocalDate(parsing: s)! }

    static func scenario() -> Scenario {
        var sc = Scenario(horizon: Horizon(start: day("2026-11-23"), days: 7))
        sc.name = "fixture"
        sc.locations = [
            Location(id: "office", lat: 52.192, lon: -2.221),       // Worcester
            Location(id: "fc-a", lat: 52.192, lon: -2.221),         // same place as the office
            Location(id: "fc-b", lat: 52.376, lon: -2.249),         // Kidderminster, ~26 km
            Location(id: "home-1", lat: 52.100, lon: -2.300),
        ]
        var va = Venue(id: "va", location: "fc-a"); va.rooms = 1
        va.open = [WeeklyWindow(days: [.mon, .tue, .wed, .thu, .fri], from: 9 * 60, to: 20 * 60)]
        let vb = Venue(id: "vb", location: "fc-b")
        sc.venues = [va, vb]
        var w1 = Worker(id: "w1", base: "office"); w1.skills = ["driver", "senior"]; w1.contractMinutes = 600
        var w2 = Worker(id: "w2", base: "office"); w2.skills = []
        w2.availability = [WeeklyWindow(days: [.mon, .tue, .wed, .thu, .fri], from: 9 * 60, to: 17 * 60)]
        sc.workers = [w1, w2]
        var c1 = Case(id: "c1"); c1.allocatedWorker = "w1"
        let c2 = Case(id: "c2")
        sc.cases = [c1, c2]
        var s1 = Session(id: "s1", case: "c1", durationMinutes: 60, windows: [TimeWindow(from: dt("2026-11-23T10:00"), to: dt("2026-11-23T14:00"))])
        s1.venues = ["va", "vb"]
        var s2 = Session(id: "s2", case: "c1", durationMinutes: 60, windows: [TimeWindow(from: dt("2026-11-23T10:00"), to: dt("2026-11-23T14:00"))])
        s2.venues = ["va", "vb"]
        var s3 = Session(id: "s3", case: "c2", durationMinutes: 90, windows: [TimeWindow(from: dt("2026-11-24T15:00"), to: dt("2026-11-24T19:00"))])
        s3.venues = ["va"]
        s3.transportFrom = "home-1"
        sc.sessions = [s1, s2, s3]
        var oc = ShiftType(id: "OC", start: 17 * 60, durationMinutes: 960); oc.countedMinutes = 120; oc.standby = true
        var wd = ShiftType(id: "WD", start: 9 * 60, durationMinutes: 480); wd.standby = false; wd.location = "office"
        sc.shiftTypes = [oc, wd]
        var h1 = Shift(id: "OC-mon", type: "OC", date: day("2026-11-23")); h1.min = 0; h1.requiredSkills = ["senior"]
        var h2 = Shift(id: "WD-sat", type: "WD", date: day("2026-11-28")); h2.min = 0
        var h3 = Shift(id: "WD-sun", type: "WD", date: day("2026-11-29")); h3.min = 0
        sc.shifts = [h1, h2, h3]
        return sc
    }

    static func instance(_ edit: (inout Scenario) -> Void = { _ in }) -> Instance {
        var sc = scenario()
        edit(&sc)
        return try! Instance.compile(sc)
    }

    /// An assignment from ids: sessions as (session, workers, start, venue), shifts as (shift, workers).
    static func rota(_ inst: Instance, sessions: [(String, [String], String, String?)] = [],
                     shifts: [(String, [String])] = [], allocations: [(String, String)] = []) -> Assignment {
        var a = Assignment.empty(for: inst)
        for (s, ws, start, v) in sessions {
            a.sessions[inst.sessionIndex[s]!] = SessionPlacement(
                workers: ws.map { inst.workerIndex[$0]! }, start: inst.clock.absolute(dt(start))!,
                venue: v.map { inst.venueIndex[$0]! })
        }
        for (h, ws) in shifts { a.shiftWorkers[inst.shiftIndex[h]!] = ws.map { inst.workerIndex[$0]! } }
        for (c, w) in allocations { a.allocations[inst.caseIndex[c]!] = inst.workerIndex[w]! }
        return a
    }

    static func broken(_ inst: Instance, _ a: Assignment) -> [String] {
        Checker.check(a, in: inst).violatedRules
    }

    /// Violations of one rule only.
    static func violations(_ rule: any HardRule, _ inst: Instance, _ a: Assignment) -> [Violation] {
        rule.check(Evaluation(instance: inst, assignment: a))
    }
}
