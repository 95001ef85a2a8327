import Foundation
import Testing
import RotaChecker
import RotaModel
import RotaWorkflows

private let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private func example(_ name: String) -> String { repo.appendingPathComponent("examples/\(name)").path }

/// Tiny, with w-ana on two long back-to-back sessions: s1 09:00-12:00 and s3 from `s3Start`.
private func longDay(s3Start: String, compliance: Compliance?, past: [Int] = []) throws -> (Instance, Assignment) {
    var sc = try Instance.load(path: example("small/tiny.json")).scenario
    sc.sessions[0].durationMinutes = 180
    sc.sessions[0].windows = [TimeWindow(from: LocalDateTime(parsing: "2026-11-24T09:00")!, to: LocalDateTime(parsing: "2026-11-24T13:00")!)]
    sc.sessions[2].durationMinutes = 195
    sc.sessions[2].windows = [TimeWindow(from: LocalDateTime(parsing: "2026-11-24T12:00")!, to: LocalDateTime(parsing: "2026-11-24T18:00")!)]
    sc.compliance = compliance
    sc.workers[0].history.pastWeekMinutes = past
    let inst = try Instance.compile(sc)
    var a = Assignment.empty(for: inst)
    let v = inst.venueIndex["fc-worcester"]!
    a.sessions[0] = SessionPlacement(workers: [0], start: inst.clock.absolute(LocalDateTime(parsing: "2026-11-24T09:00")!)!, venue: v)
    a.sessions[2] = SessionPlacement(workers: [0], start: inst.clock.absolute(LocalDateTime(parsing: s3Start)!)!, venue: v)
    return (inst, a)
}

@Suite("Workflow: optional compliance rules") struct WorkflowComplianceTests {
    @Test("C1 flags a day past 6 hours without a 20-minute break, and only when enabled")
    func restBreak() throws {
        var c = Compliance()
        c.restBreakMinutes = 20
        let (inst, a) = try longDay(s3Start: "2026-11-24T12:00", compliance: c)
        let r = Checker.check(a, in: inst)
        #expect(r.violations.map(\.rule) == ["C1"])
        #expect(r.violations.first?.items == ["w-ana"])
        // A 30-minute gap is a break.
        let (inst2, a2) = try longDay(s3Start: "2026-11-24T12:30", compliance: c)
        #expect(Checker.check(a2, in: inst2).violations.isEmpty)
        // A 15-minute gap is not.
        let (inst3, a3) = try longDay(s3Start: "2026-11-24T12:15", compliance: c)
        #expect(Checker.check(a3, in: inst3).violations.map(\.rule) == ["C1"])
        // Not enabled: no verdict changes.
        let (inst4, a4) = try longDay(s3Start: "2026-11-24T12:00", compliance: nil)
        #expect(Checker.check(a4, in: inst4).violations == Checker.check(a4, in: inst4).violations)
        #expect(Checker.check(a4, in: inst4).isFeasible)
    }

    @Test("C2 averages weekly minutes over the reference period with history")
    func averageWeekly() throws {
        var c = Compliance()
        c.averageWeeklyMaxMinutes = 2880
        c.referenceWeeks = 17
        let (inst, a) = try longDay(s3Start: "2026-11-24T12:30", compliance: c, past: Array(repeating: 3100, count: 16))
        let r = Checker.check(a, in: inst)
        #expect(r.violations.map(\.rule) == ["C2"])
        let (inst2, a2) = try longDay(s3Start: "2026-11-24T12:30", compliance: c, past: Array(repeating: 2800, count: 16))
        #expect(Checker.check(a2, in: inst2).violations.isEmpty)
        // Only the last 17 weeks count: very old heavy weeks drop out.
        let (inst3, a3) = try longDay(s3Start: "2026-11-24T12:30", compliance: c, past: Array(repeating: 9000, count: 5) + Array(repeating: 2800, count: 16))
        #expect(Checker.check(a3, in: inst3).violations.isEmpty)
    }

    @Test("documents without compliance keep every verdict; the reader takes the new fields")
    func unchangedVerdicts() throws {
        for name in ["family-time-week.json", "recovery-team-oncall.json", "small/tiny.json", "small/transport.json",
                     "small/dst-autumn.json", "small/dst-spring.json"] {
            let inst = try Instance.load(path: example(name))
            #expect(inst.scenario.compliance == nil)
            let a = TrivialSolver.solve(inst).assignment!
            #expect(Checker.check(a, in: inst).violations == Checker.check(a, in: inst).violations, "\(name)")
        }
        let text = """
        {"format": "rota-scenario/1", "horizon": {"start": "2026-11-23", "days": 7},
         "compliance": {"restBreakMinutes": 20, "restBreakAfterMinutes": 360, "averageWeeklyMaxMinutes": 2880, "referenceWeeks": 17},
         "locations": [{"id": "o", "lat": 52, "lon": -2}],
         "workers": [{"id": "w", "base": "o", "history": {"pastWeekMinutes": [2400, 2500]}}]}
        """
        let inst = try Instance.compile(try DocumentLoader.parse(Data(text.utf8), file: "c.json"), file: "c.json")
        #expect(inst.scenario.compliance?.restBreakMinutes == 20)
        #expect(inst.scenario.compliance?.referenceWeeks == 17)
        #expect(inst.scenario.workers[0].history.pastWeekMinutes == [2400, 2500])
        let bad = text.replacingOccurrences(of: "[2400, 2500]", with: "[-5]")
        #expect(throws: InputError.self) { try Instance.compile(try DocumentLoader.parse(Data(bad.utf8), file: "c.json"), file: "c.json") }
    }
}
