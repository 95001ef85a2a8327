import Foundation
import Testing
import GLPKSolver
import LinearModel
import RotaModel
import RotaChecker
@testable import RotaColumns
@testable import RotaGreedy

/// Branch and price on column generation's master (`ColumnGenerationSolver.branchAndPrice`): its node
/// bounds, its undoing of decisions, and the optima it proves against those HiGHS proved on rota's own
/// integer programme (Benchmarks/curtois/HIGHS.md).
@Suite struct BranchAndPriceTests {
    private let solver = ColumnGenerationSolver(withLP: { _, _ in },
                                                solveMIP: { _, _, _ in MIPResult(termination: .error("not used"), primalStatus: .noPoint) })

    /// Instance `n`'s master seeded with a short greedy rota's patterns (its objective too), and a pricer.
    private func seeded(_ n: Int) throws -> (Instance, Master, PatternPricer, Int) {
        let inst = try compileInstance(n)
        let pricer = PatternPricer(inst)
        var master = Master(instance: inst)
        let start = try #require(GreedySolver().solve(inst, options: SolveOptions(timeLimit: 0.3, seed: 1, threads: 1)).assignment)
        for w in inst.workers.indices {
            _ = master.add(try #require(pricer.pattern(worker: w, shifts: start.shifts(of: w))))
        }
        return (inst, master, pricer, Checker.check(start, in: inst).objective.total)
    }

    /// How far below its LP exact pricing may bound a converged node: each worker's prices are rounded
    /// to 1/scale, by at most half a unit a day, and its lowest value allows that much again.
    private func roundingSlack(_ inst: Instance) -> Double {
        Double(inst.workers.count * inst.days) / Double(PatternPricer.scale)
    }

    @Test("down a plunge, each converged node's bound is within pricing's rounding of its LP, and never above it",
          arguments: [2, 3])
    func nodeBoundsMeetTheLP(_ n: Int) throws {
        let clock = Stopwatch()
        var (inst, master, pricer, _) = try seeded(n)
        var checked = 0, nodes = 0
        try GLPKSolver(options: GLPKOptions(timeLimit: 30)).withIncrementalLP(master.shell()) { lp in
            var g = solver.generate(&master, lp: lp, pricers: [pricer], until: 60, clock: clock, exact: true, stopAt: nil)
            for _ in 0..<12 {
                let values = try #require(g.lp?.values)
                let columns = master.freeColumns(lpValues: values)
                // The branching decision at a fractional LP, leaning to the side the LP takes more of; at a
                // whole one, the next worker's first shift in its pattern taken away (one that another of its
                // patterns in the LP leaves off, so the LP keeps a pattern for the worker).
                var d = solver.branching(master, columns: columns)
                if let d {
                    #expect(d.works == (columns.filter { master.columns[$0.j].worker == d.w && master.columns[$0.j].shifts.contains(d.h) }
                        .reduce(0) { $0 + $1.v } >= 0.5))
                } else {
                    let w = checked % inst.workers.count
                    let p = try #require(columns.first { master.columns[$0.j].worker == w }.map { master.columns[$0.j] })
                    let others = master.loadedColumns(of: w).map { master.columns[$0] }.filter { master.allows($0) }
                    guard let h = p.shifts.first(where: { h in master.days[w][h] == nil && others.contains { !$0.shifts.contains(h) } })
                    else { checked += 1; continue }
                    d = .init(w: w, h: h, works: false)
                }
                let decision = try #require(d)
                master.fix(decision.w, shift: decision.h, works: decision.works, in: lp)
                g = solver.generate(&master, lp: lp, pricers: [pricer], until: 60, clock: clock, exact: true, stopAt: nil)
                let z = try #require(g.lp?.objective)
                let bound = try #require(g.bound)
                #expect(g.converged)
                #expect(bound <= z + 1e-6)
                #expect(bound >= z - roundingSlack(inst) - 1e-6)
                checked += 1; nodes += 1
            }
        }
        #expect(nodes >= 8)
    }

    @Test("undoing a decision returns exactly the patterns that keep the worker's other decisions")
    func unfixRestoresWhatTheOtherDecisionsAllow() throws {
        let (inst, pricer, lp) = try DayDiveTests.fixture()
        var master = Master(instance: inst)
        // Patterns of worker 0 at four sets of duals, to have several that differ.
        let H = inst.shifts.count
        let patterns = (0..<4).compactMap { k in
            pricer.price(worker: 0, shiftDuals: (0..<H).map { $0 % 4 == k ? 60 : 0 }, exact: false)?.patterns.first
        }
        for p in patterns { _ = master.add(p) }
        try #require(master.columns.count >= 3)
        master.load(into: lp)
        // Two decisions that split the patterns: a shift some work, and a shift some others do not.
        let counts = (0..<H).map { h in master.columns.filter { $0.shifts.contains(h) }.count }
        let h1 = try #require((0..<H).first { counts[$0] > 0 && counts[$0] < master.columns.count })
        let h2 = try #require((0..<H).first { $0 != h1 && counts[$0] > 0 && counts[$0] < master.columns.count })
        master.fix(0, shift: h1, works: true, in: lp)
        master.fix(0, shift: h2, works: false, in: lp)
        master.unfix(0, shift: h2, in: lp)
        #expect(master.days[0] == [h1: true])
        for (j, p) in master.columns.enumerated() {
            let upper = try #require(lp.bounds[master.lpColumn(j)]?.upper)
            #expect(upper == (p.shifts.contains(h1) ? Master.free : 0))
        }
        master.unfix(0, shift: h1, in: lp)
        #expect(master.days[0].isEmpty)
        #expect(master.columns.indices.allSatisfy { lp.bounds[master.lpColumn($0)]?.upper == Master.free })
    }

    @Test("with no rota to start from, the tree finds and proves the optimum, plunging with the LP or against it; told of a better one, it finds nothing below the optimum",
          arguments: [(1, 607, true), (1, 607, false), (2, 828, true), (3, 1001, true), (4, 1716, true)])
    func provesTheOptimum(_ n: Int, _ optimum: Int, _ lean: Bool) throws {
        let clock = Stopwatch()
        var (inst, master, pricer, _) = try seeded(n)
        try GLPKSolver(options: GLPKOptions(timeLimit: 30)).withIncrementalLP(master.shell()) { lp in
            let root = solver.generate(&master, lp: lp, pricers: [pricer], until: 60, clock: clock, exact: true, stopAt: nil)
            let bound = try #require(root.bound)
            // (Instance1's root LP is at 558; those of 2-4 are whole at the optimum.)
            var best = Int.max
            var offered: [Int] = []
            let tree = solver.branchAndPrice(&master, lp: lp, pricers: [pricer], until: 120, clock: clock, bound: bound,
                                             best: { best }, lean: lean, offer: { a in
                let report = Checker.check(a, in: inst)
                if !report.isFeasible { Issue.record("the tree offered a rota the checker rejects") }
                offered.append(report.objective.total)
                best = min(best, report.objective.total)
            })
            #expect(tree.exhausted && tree.unsettled == 0)
            if n == 1 { #expect(tree.nodes > 10) }
            #expect(best == optimum)
            #expect(offered.allSatisfy { $0 >= optimum })
            #expect(master.days.allSatisfy { $0.isEmpty })
            // An incumbent claimed one below the optimum: every node is pruned or searched, and no rota
            // the tree finds is below the optimum.
            offered = []
            let told = solver.branchAndPrice(&master, lp: lp, pricers: [pricer], until: 120, clock: clock, bound: bound,
                                             best: { optimum - 1 }, offer: { a in offered.append(Checker.check(a, in: inst).objective.total) })
            #expect(told.exhausted)
            #expect(offered.allSatisfy { $0 >= optimum })
        }
    }
}
