import Foundation
import Testing
import RotaModel
import RotaChecker
@testable import RotaGreedy

@Suite struct EngineAgreementTests {
    /// The engine accepts every placement of a shipped valid solution (it is no stricter than the
    /// checker) and its totals equal the checker's objective.
    @Test(arguments: ["team-7001", "team-7002", "team-7003"])
    func engineAcceptsShippedSolution(_ name: String) throws {
        let inst = try loadExample(name)
        let path = examplesDirectory().appendingPathComponent("\(name).valid.json").path
        let doc = try SolutionDocument.read(Data(contentsOf: URL(fileURLWithPath: path)), file: path)
        let (a, problems) = Assignment.read(doc, instance: inst)
        #expect(problems.isEmpty)
        let e = Engine(inst)
        for (c, w) in a.allocations.enumerated() where w != nil { e.setAllocation(c, w) }
        for h in 0..<e.nH { for w in a.shiftWorkers[h] { #expect(e.addShift(h, w), "shift \(inst.shifts[h].id) \(inst.workers[w].id)") } }
        for s in 0..<e.nS { if let p = a.sessions[s] { #expect(e.place(s, p), "session \(inst.sessions[s].id)") } }
        #expect(e.totalCost == Checker.check(a, in: inst).objective.total)
        #expect(e.totalPenalty == 0)
    }
}
