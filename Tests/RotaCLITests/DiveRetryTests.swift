import Foundation
import Testing
import GLPKSolver
import LinearModel
import RotaModel
import RotaChecker
@testable import RotaGreedy
import RotaWorkflows
@testable import RotaColumns

/// A dive on patterns tries again a step that raises the master LP too far (`retryJump`): the step is
/// undone, its first pattern banned for the rest of the dive, and others fixed.
@Suite struct DiveRetryTests {
    @Test("releasing a fixed worker returns every one of its loaded patterns to the LP, and no other worker's")
    func releaseUndoesFix() throws {
        let (inst, pricer, lp) = try DayDiveTests.fixture()
        var master = Master(instance: inst)
        let H = inst.shifts.count
        for w in [0, 1] {
            for k in 0..<3 {
                let p = try #require(pricer.price(worker: w, shiftDuals: (0..<H).map { $0 % 3 == k ? 50 : 0 }, exact: false)?.patterns.first)
                _ = master.add(p)
            }
        }
        master.load(into: lp)
        let mine = master.columns.indices.filter { master.columns[$0].worker == 0 }
        let theirs = master.columns.indices.filter { master.columns[$0].worker == 1 }
        try #require(mine.count >= 2 && !theirs.isEmpty)
        master.fix(1, to: theirs[0], in: lp)
        master.fix(0, to: mine[1], in: lp)
        #expect(mine.allSatisfy { lp.bounds[master.lpColumn($0)]!.upper == ($0 == mine[1] ? 1 : 0) })
        master.release(0, in: lp)
        #expect(master.fixed[0] == nil && master.fixed[1] == theirs[0])
        #expect(mine.allSatisfy { lp.bounds[master.lpColumn($0)]! == (0, Master.free) })
        // The other worker stays fixed.
        #expect(theirs.allSatisfy { lp.bounds[master.lpColumn($0)]!.upper == ($0 == theirs[0] ? 1 : 0) })
    }

    private func solver(retries: Int) -> ColumnGenerationSolver {
        var s = ColumnGenerationSolver(
            withLP: { model, body in try GLPKSolver(options: GLPKOptions(timeLimit: 30)).withIncrementalLP(model) { body($0) } },
            solveMIP: { model, warm, seconds in try GLPKSolver(options: GLPKOptions(timeLimit: seconds)).solve(model, warmStart: warm) })
        s.diveRetries = retries
        s.searchTree = false
        s.rediveGap = .infinity
        return s
    }

    /// The first dive's note: the LP after each step kept, and the LPs of the steps tried again.
    private func firstDive(_ notes: [String]) throws -> (kept: [Double], retried: [Double]) {
        let note = try #require(notes.first { $0.hasPrefix("dive: master LP by step") })
        let kept = note.dropFirst("dive: master LP by step ".count).prefix { $0 != "(" }
            .split(separator: " ").compactMap { Double($0) }
        let retried = note.components(separatedBy: "steps tried again: ").dropFirst().first?
            .components(separatedBy: ", ").compactMap { Double($0) } ?? []
        return (kept, retried)
    }

    @Test("on Instance1 the step that jumps from the root's 558 is tried again, and without retries it is kept")
    func jumpIsRetried() throws {
        let inst = try compileInstance(1)
        let start = try #require(SolveRunner.Backends.standard.greedy(inst, SolveOptions(timeLimit: 1, seed: 1, threads: 1)).assignment)
        let with = try #require(solver(retries: 8).solve(inst, start: start, timeLimit: 10))
        let without = try #require(solver(retries: 0).solve(inst, start: start, timeLimit: 10))
        let (kept, retried) = try firstDive(with.notes)
        let plain = try firstDive(without.notes)
        #expect(plain.retried.isEmpty, "\(without.notes)")
        // Without retries the dive keeps a step more than 1 % above the step before it.
        #expect(zip(plain.kept, plain.kept.dropFirst()).contains { $1 > $0 * 1.01 }, "\(without.notes)")
        // With them that step is tried again: each retried LP was more than 1 % above the first step's
        // (which is at least the root's, 558).
        #expect(!retried.isEmpty, "\(with.notes)")
        let firstStep = try #require(kept.first)
        #expect(retried.allSatisfy { $0 > firstStep * 1.01 }, "\(with.notes)")
        for r in [with, without] {
            let a = try #require(r.assignment)
            let report = Checker.check(a, in: inst)
            #expect(report.isFeasible)
        }
    }
}
