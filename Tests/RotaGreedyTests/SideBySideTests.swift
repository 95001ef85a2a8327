import Foundation
import Testing
import RotaModel
import RotaChecker
@testable import RotaGreedy

/// One part on two threads: the native solver runs two independent searches (seeds s and s + 1)
/// and keeps the better, instead of leaving the second core idle.
@Suite struct SideBySideTests {
    /// Searches stop after a fixed number of idle moves, not on time, so each depends only on its seed.
    private let solver = GreedySolver(maxIdleMoves: 2000)

    private func objective(_ r: SolverResult, _ inst: Instance) throws -> (valid: Bool, total: Int) {
        let report = Checker.check(try #require(r.assignment), in: inst)
        return (report.isFeasible, report.objective.total)
    }

    @Test("two threads keep the better of the searches from seeds s and s + 1")
    func keepsTheBetterSearch() throws {
        let inst = try loadExample("team-7001")
        #expect(Decomposition(inst).parts.count == 1)
        // Seeds whose searches end apart, so which one is kept matters.
        var found: (seed: UInt64, first: Int, second: Int)?
        for seed in UInt64(1)...8 where found == nil {
            let a = try objective(solver.solveWhole(inst, options: SolveOptions(timeLimit: 60, seed: seed, threads: 1)), inst)
            let b = try objective(solver.solveWhole(inst, options: SolveOptions(timeLimit: 60, seed: seed + 1, threads: 1)), inst)
            #expect(a.valid && b.valid)
            if a.total != b.total { found = (seed, a.total, b.total) }
        }
        let (seed, first, second) = try #require(found)
        let both = solver.solve(inst, options: SolveOptions(timeLimit: 60, seed: seed, threads: 2))
        let kept = try objective(both, inst)
        #expect(kept.valid && both.status == .feasible)
        #expect(kept.total == min(first, second))
        let note = try #require(both.notes.first)
        #expect(note.hasPrefix("2 independent searches side by side"))
        #expect(note.contains("thread 1 (seed \(seed)): valid, objective \(first)"))
        #expect(note.contains("thread 2 (seed \(seed + 1)): valid, objective \(second)"))
        #expect(note.hasSuffix("kept thread \(first <= second ? 1 : 2)'s"))
    }

    @Test("switched off, or on one thread, it is the one search")
    func oneSearchWhenOff() throws {
        let inst = try loadExample("team-7001")
        var off = solver
        off.lanesOnOnePart = false
        let alone = try objective(solver.solveWhole(inst, options: SolveOptions(timeLimit: 60, seed: 3, threads: 1)), inst)
        for r in [off.solve(inst, options: SolveOptions(timeLimit: 60, seed: 3, threads: 2)),
                  solver.solve(inst, options: SolveOptions(timeLimit: 60, seed: 3, threads: 1))] {
            let o = try objective(r, inst)
            #expect(o.valid == alone.valid && o.total == alone.total)
            #expect(!r.notes.contains { $0.contains("side by side") })
        }
    }
}
