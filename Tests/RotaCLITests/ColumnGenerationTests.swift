import Foundation
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
