import Foundation
import Testing
import GLPKSolver
import LinearModel
import RotaModel
import RotaChecker
@testable import RotaGreedy
import RotaWorkflows
@testable import RotaColumns

/// The master parks the patterns its LP does not need (`Master.park`, `keptPerWorker`): bounds 0,
/// which GLPK's simplex leaves out; pricing brings one back when it prices below its worker's dual.
@Suite struct ParkingTests {
    /// Worker `w`'s patterns priced at `n` different sets of duals (distinct ones only), added and loaded.
    private func patterns(_ master: inout Master, _ pricer: PatternPricer, worker w: Int, count n: Int,
                          into lp: DayDiveTests.RecordingLP) throws -> [Int] {
        let H = master.H
        for k in 0..<n {
            let duals = (0..<H).map { ($0 + k) % (k + 2) == 0 ? 40.0 + Double(k) : 0 }
            if let p = pricer.price(worker: w, shiftDuals: duals, exact: false)?.patterns.first { _ = master.add(p) }
        }
        master.load(into: lp)
        return master.columns.indices.filter { master.columns[$0].worker == w }
    }

    private func upper(_ lp: DayDiveTests.RecordingLP, _ master: Master, _ j: Int) -> Double? {
        lp.bounds[master.lpColumn(j)]?.upper
    }

    @Test("a free worker keeps the patterns of least reduced cost and those the LP uses; a fixed worker's are left alone")
    func parksTheDearestUnused() throws {
        let (inst, pricer, lp) = try DayDiveTests.fixture()
        var master = Master(instance: inst)
        let mine = try patterns(&master, pricer, worker: 0, count: 8, into: lp)
        let theirs = try patterns(&master, pricer, worker: 1, count: 4, into: lp)
        try #require(mine.count >= 5 && theirs.count >= 2)
        master.fix(1, to: theirs[0], in: lp)
        // Duals: shift h is worth h, the worker's row nothing; so a pattern's reduced cost is its own
        // value less the sum of its shift indices.
        let shiftDuals = (0..<master.H).map(Double.init)
        let workerDuals = [Double](repeating: 0, count: master.W)
        let rc = { (j: Int) -> Double in
            Double(master.columns[j].own) - master.columns[j].shifts.reduce(0.0) { $0 + shiftDuals[$1] }
        }
        // The LP uses worker 0's dearest pattern (half of it).
        let dearest = try #require(mine.max { rc($0) < rc($1) })
        var values = [Double](repeating: 0, count: lp.first + lp.added)
        values[master.lpColumn(dearest)] = 0.5
        master.park(keeping: 2, values: values, shiftDuals: shiftDuals, workerDuals: workerDuals, in: lp)

        // Two stay: the one the LP uses and one of least reduced cost among the others; every other
        // pattern of worker 0 is parked.
        let others = mine.filter { $0 != dearest }
        let staying = others.filter { !master.parked.contains($0) }
        #expect(!master.parked.contains(dearest) && upper(lp, master, dearest) == Master.free)
        #expect(staying.count == 1 && staying.allSatisfy { j in others.allSatisfy { rc(j) <= rc($0) } })
        for j in others {
            #expect(upper(lp, master, j) == (staying.contains(j) ? Master.free : 0))
        }
        // The fixed worker's patterns keep the bounds the fixing gave them.
        #expect(theirs.allSatisfy { !master.parked.contains($0) && upper(lp, master, $0) == ($0 == theirs[0] ? 1 : 0) })

        // Pricing finds a parked pattern again: it returns, once.
        let back = try #require(mine.first { master.parked.contains($0) })
        let returned = master.unpark(worker: 0, shifts: master.columns[back].shifts, in: lp)
        #expect(returned && !master.parked.contains(back) && upper(lp, master, back) == Master.free)
        let again = master.unpark(worker: 0, shifts: master.columns[back].shifts, in: lp)
        #expect(!again)
        // A pattern that came back is never parked again, however dear.
        master.park(keeping: 0, values: values, shiftDuals: shiftDuals, workerDuals: workerDuals, in: lp)
        #expect(!master.parked.contains(back) && upper(lp, master, back) == Master.free)
        #expect(master.parked.contains(staying[0]))
        // Everything returns before the tree.
        master.unparkAll(in: lp)
        #expect(master.parked.isEmpty && mine.allSatisfy { upper(lp, master, $0) == Master.free })
    }

    @Test("a banned pattern stays out through a release and is never parked or brought back; lifting the bans returns it")
    func bansOutlastReleaseAndParking() throws {
        let (inst, pricer, lp) = try DayDiveTests.fixture()
        var master = Master(instance: inst)
        let mine = try patterns(&master, pricer, worker: 0, count: 4, into: lp)
        try #require(mine.count >= 3)
        master.fix(0, to: mine[0], in: lp)
        master.release(0, in: lp)
        master.ban(mine[1], in: lp)
        #expect(upper(lp, master, mine[1]) == 0)
        master.fix(0, to: mine[2], in: lp)
        master.release(0, in: lp)
        #expect(upper(lp, master, mine[1]) == 0 && upper(lp, master, mine[0]) == Master.free)
        let values = [Double](repeating: 0, count: lp.first + lp.added)
        master.park(keeping: 1, values: values, shiftDuals: [Double](repeating: 0, count: master.H),
                    workerDuals: [Double](repeating: 0, count: master.W), in: lp)
        #expect(!master.parked.contains(mine[1]))
        let bannedReturns = master.unpark(worker: 0, shifts: master.columns[mine[1]].shifts, in: lp)
        #expect(!bannedReturns)
        master.liftBans(in: lp)
        #expect(master.banned.isEmpty && upper(lp, master, mine[1]) == Master.free)
    }

    @Test("parking down to two patterns a worker leaves Instance3's converged root LP and its bound where they were")
    func rootIsUnchanged() throws {
        let inst = try compileInstance(3)
        let start = try #require(SolveRunner.Backends.standard.greedy(inst, SolveOptions(timeLimit: 1, seed: 1, threads: 1)).assignment)
        let pricer = PatternPricer(inst)
        var roots: [(lp: Double, bound: Double, parked: Int)] = []
        for kept in [0, 2] {
            var solver = ColumnGenerationSolver(withLP: { _, _ in }, solveMIP: { _, _, _ in MIPResult(termination: .error("not here"), primalStatus: .noPoint) })
            solver.keptPerWorker = kept
            var master = try Master(instance: inst, start: start, pricer: pricer)
            var g: ColumnGenerationSolver.Generation?
            var parked = 0
            try GLPKSolver(options: GLPKOptions(timeLimit: 120)).withIncrementalLP(master.shell()) { lp in
                // Two minutes: the root converges, with exact pricing, in about a second on an idle machine.
                g = solver.generate(&master, lp: lp, pricers: [pricer], until: 120, clock: Stopwatch(),
                                    exact: true, stopAt: nil, park: kept > 0)
                parked = master.parked.count
            }
            let root = try #require(g)
            #expect(root.converged)
            roots.append((try #require(root.lp?.objective), try #require(root.bound), parked))
        }
        #expect(abs(roots[0].lp - roots[1].lp) < 1e-6 && abs(roots[0].bound - roots[1].bound) < 1e-6, "\(roots)")
        // Parking happened (two patterns a worker is far fewer than the root finds), and none without it.
        #expect(roots[0].parked == 0 && roots[1].parked > 0, "\(roots)")
        // Instance3's best known, 1001, is optimal: the root bounds it from below.
        #expect(roots[1].bound <= 1001 + 1e-6)
    }
}
