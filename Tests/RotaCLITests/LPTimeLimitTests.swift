import Foundation
import Testing
import GLPKSolver
import LinearModel
import RotaChecker
@testable import RotaColumns
@testable import RotaGreedy

/// Column generation never lets one LP solve run past the time it has, and an LP stopped by the
/// time limit leaves the last optimal one in place (a root whose LP stalled once ended with none).
@Suite struct LPTimeLimitTests {
    /// GLPK's incremental LP, with solve `failAt` (1-based) ending as `failure` instead of solving;
    /// records each solve's time limit and when it was asked.
    final class FailingLP: IncrementalLP {
        let inner: any IncrementalLP
        let failAt: Int
        let failure: Termination
        var asked: [(limit: Double?, at: Double)] = []
        var optimal: [MIPResult] = []
        let clock: Stopwatch
        init(_ inner: any IncrementalLP, failAt: Int, failure: Termination, clock: Stopwatch) {
            self.inner = inner; self.failAt = failAt; self.failure = failure; self.clock = clock
        }
        func addColumn(objective: Double, lower: Double, upper: Double, entries: [(row: Int, value: Double)]) {
            inner.addColumn(objective: objective, lower: lower, upper: upper, entries: entries)
        }
        func setBounds(column: Int, lower: Double, upper: Double) { inner.setBounds(column: column, lower: lower, upper: upper) }
        func solve(timeLimit: Double?) -> MIPResult {
            asked.append((timeLimit, clock.seconds))
            if asked.count == failAt { return MIPResult(termination: failure, primalStatus: .noPoint) }
            let r = inner.solve(timeLimit: timeLimit)
            if r.termination == .optimal { optimal.append(r) }
            return r
        }
    }

    private let solver = ColumnGenerationSolver(withLP: { _, _ in },
                                                solveMIP: { _, _, _ in MIPResult(termination: .error("not used"), primalStatus: .noPoint) })

    /// The root of Instance2 from a greedy rota, with its third LP solve ending as `failure`.
    private func root(failure: Termination) throws -> (ColumnGenerationSolver.Generation, FailingLP, Double) {
        // The clock starts early, so the time left at the first solve is clearly under `end`.
        let clock = Stopwatch()
        Thread.sleep(forTimeInterval: 0.4)
        let inst = try compileInstance(2)
        let pricer = PatternPricer(inst)
        var master = Master(instance: inst)
        let start = try #require(GreedySolver().solve(inst, options: SolveOptions(timeLimit: 0.5, seed: 1, threads: 1)).assignment)
        for w in inst.workers.indices {
            let p = try #require(pricer.pattern(worker: w, shifts: start.shifts(of: w)))
            _ = master.add(p)
        }
        let end = 30.0
        var out: (ColumnGenerationSolver.Generation, FailingLP)?
        try GLPKSolver(options: GLPKOptions(timeLimit: 30)).withIncrementalLP(master.shell()) { lp in
            let failing = FailingLP(lp, failAt: 3, failure: failure, clock: clock)
            let g = solver.generate(&master, lp: failing, pricers: [pricer], until: end, clock: clock, exact: true, stopAt: nil)
            out = (g, failing)
        }
        let (g, lp) = try #require(out)
        return (g, lp, end)
    }

    @Test("each LP solve is given at most the time left; one stopped by the limit keeps the last optimal LP")
    func timeLimitKeepsTheLastLP() throws {
        let (g, lp, end) = try root(failure: .timeLimit)
        #expect(lp.asked.count == 3 && g.rounds == 3)
        #expect(try #require(lp.asked.first?.at) > 0.3)
        for (limit, at) in lp.asked {
            let l = try #require(limit)
            // (The limit is taken a moment before the solve records `at`.)
            #expect(l > 0 && l <= end - at + 0.05)
        }
        #expect(g.lpTimedOut && !g.converged)
        let last = try #require(lp.optimal.last)
        #expect(lp.optimal.count == 2)
        #expect(g.lp?.objective == last.objective && g.lp?.values == last.values)
    }

    @Test("any other failure of an LP solve leaves no LP")
    func otherFailureLeavesNone() throws {
        let (g, lp, _) = try root(failure: .error("broken basis"))
        #expect(lp.asked.count == 3 && lp.optimal.count == 2)
        #expect(g.lp == nil && !g.lpTimedOut && !g.converged)
    }
}
