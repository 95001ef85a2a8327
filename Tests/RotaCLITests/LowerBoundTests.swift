import Foundation
import Testing
import RotaChecker
import RotaColumns
import RotaModel
import RotaWorkflows

/// `rota bound`: column generation's root, priced exactly, bounds every rota's objective from below.
@Suite struct LowerBoundTests {
    private func bound(_ n: Int, labels: Int = LowerBound.defaultLabelLimit) throws -> LowerBound.Report {
        // Two minutes: each root converges in about a second on an idle machine.
        switch LowerBound.compute(try compileInstance(n), timeLimit: 120, labelLimit: labels, threads: 1) {
        case .success(let r): return r
        case .failure(let f): Issue.record("\(f)"); throw f
        }
    }

    @Test("Instance2's root converges at 828, its optimum; Instance1's at 558, below its optimum 607")
    func curtoisRoots() throws {
        let two = try bound(2)
        #expect(two.root.converged && two.root.note == nil)
        let b2 = try #require(two.root.bound)
        #expect(abs(b2 - 828) < 1e-6, "\(b2)")
        #expect(two.startObjective >= 828)
        let one = try bound(1)
        #expect(one.root.converged)
        let b1 = try #require(one.root.bound)
        // The LP's gap on Instance1 is what the tree closes in `rota solve` (607 proved there).
        #expect(abs(b1 - 558) < 1e-6, "\(b1)")
        #expect(one.root.lpObjective.map { abs($0 - b1) < 1e-6 } == true)
    }

    @Test("exact pricing held to 10 labels proves nothing, and says why")
    func labelLimit() throws {
        let r = try bound(3, labels: 10)
        #expect(r.root.bound == nil && !r.root.converged)
        #expect(r.root.note?.contains("10 labels") == true, "\(r.root.note ?? "")")
        #expect(r.root.rounds > 0 && r.root.patterns >= 20)
    }

    @Test("a scenario with sessions gets no bound: column generation does not model it")
    func sessionsAreNotModelled() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let inst = try Instance.load(path: repo.appendingPathComponent("examples/family-time-week.json").path)
        guard case .failure(.inapplicable(let why)) = LowerBound.compute(inst, timeLimit: 5, threads: 1) else {
            Issue.record("expected no bound"); return
        }
        #expect(!why.isEmpty)
    }
}
