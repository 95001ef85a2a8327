import Foundation
import GLPKSolver
import LinearModel
import Testing
import RotaModel
import RotaChecker
import RotaColumns
import RotaWorkflows

/// Column generation on the shared Curtois & Qu instances whose optima are known (proved by HiGHS on
/// rota's own integer programme, Benchmarks/curtois/HIGHS.md): its bound never passes the optimum,
/// and it reaches the optimum and proves it (on Instance1, whose root LP is at 558, by branch and price).
@Suite struct ColumnGenerationTests {
    @Test("bound at most the optimum; optimal only when proved; Instances 1-4 solved and proved",
          arguments: [(1, 607), (2, 828), (3, 1001), (4, 1716)])
    func boundsAndOptima(_ n: Int, _ optimum: Int) throws {
        let inst = try compileInstance(n)
        #expect(ColumnGenerationSolver.inapplicable(inst) == nil)
        let columns = try #require(SolveRunner.Backends.standard.columns)
        let start = try #require(SolveRunner.Backends.standard.greedy(inst, SolveOptions(timeLimit: 1, seed: 1, threads: 1)).assignment)
        #expect(Checker.check(start, in: inst).isFeasible)
        let r = try #require(columns(inst, start, 60, 1))
        let a = try #require(r.assignment)
        let report = Checker.check(a, in: inst)
        #expect(report.isFeasible)
        let objective = report.objective.total
        #expect(objective >= optimum)
        let bound = try #require(r.bound)
        #expect(bound <= Double(optimum) + 1e-6)
        #expect(objective >= leastWholeObjective(bound: bound))
        #expect((r.status == .optimal) == (objective <= leastWholeObjective(bound: bound)))
        #expect(objective == optimum && r.status == .optimal)
    }

    @Test("the master's integer programme follows dives on patterns, not dives on days, unless asked for",
          .serialized, arguments: [(ColumnGenerationSolver.Dive.patterns, nil as Bool?, 1), (.days, nil, 0), (.days, true, 1), (.patterns, false, 0)])
    func integerProgrammeAfterTheDive(_ dive: ColumnGenerationSolver.Dive, _ asked: Bool?, _ expected: Int) throws {
        // Instance5's root bound, 1140.6, is below its optimum, 1143, and without the tree nothing proves
        // it, so the programme has the time the dives leave.
        let inst = try compileInstance(5)
        let start = try #require(SolveRunner.Backends.standard.greedy(inst, SolveOptions(timeLimit: 1, seed: 1, threads: 1)).assignment)
        try #require(Checker.check(start, in: inst).isFeasible)
        final class Calls: @unchecked Sendable { var count = 0; let lock = NSLock() }
        let calls = Calls()
        var solver = ColumnGenerationSolver(
            withLP: { model, body in try GLPKSolver(options: GLPKOptions(timeLimit: 30)).withIncrementalLP(model) { body($0) } },
            solveMIP: { model, warm, seconds in
                calls.lock.withLock { calls.count += 1 }
                return try GLPKSolver(options: GLPKOptions(timeLimit: seconds)).solve(model, warmStart: warm)
            })
        solver.dive = dive
        solver.integerProgramme = asked
        // The root and the dives stop by 2 s of 5, leaving the programme about 2.5 s even in a slow build.
        solver.pricingShare = 0.25
        solver.diveShare = 0.4
        solver.searchTree = false
        let r = try #require(solver.solve(inst, start: start, timeLimit: 5))
        #expect(r.status != .optimal)
        #expect(calls.count == expected)
        #expect(r.notes.contains { $0.hasPrefix("master integer programme") } == (expected == 1))
        #expect(Checker.check(try #require(r.assignment), in: inst).isFeasible)
    }

    @Test("where it does not model the scenario exactly it says why and is not used")
    func inapplicable() throws {
        let tiny = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/small/tiny.json").path
        let inst = try Instance.load(path: tiny)
        #expect(ColumnGenerationSolver.inapplicable(inst) == "the scenario has sessions")
        let columns = try #require(SolveRunner.Backends.standard.columns)
        #expect(columns(inst, Assignment.empty(for: inst), 5, 1) == nil)
    }
}
