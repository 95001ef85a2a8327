import Foundation
import Testing
import LinearModel
import RotaModel
import RotaChecker
@testable import RotaGreedy
import RotaWorkflows
@testable import RotaColumns

/// Column generation's dive on days (`ColumnGenerationSolver.fixDays`): what it fixes, what it
/// never fixes, and how the master and pricing keep the fixings.
@Suite struct DayDiveTests {
    /// Records the bounds the master sets (its columns after the shell's `first`); never solved here.
    final class RecordingLP: IncrementalLP {
        var bounds: [Int: (lower: Double, upper: Double)] = [:]
        let first: Int
        var added = 0
        init(first: Int) { self.first = first }
        func addColumn(objective: Double, lower: Double, upper: Double, entries: [(row: Int, value: Double)]) {
            bounds[first + added] = (lower, upper)
            added += 1
        }
        func setBounds(column: Int, lower: Double, upper: Double) { bounds[column] = (lower, upper) }
        func solve(timeLimit: Double?) -> MIPResult { MIPResult(termination: .error("not solved here"), primalStatus: .noPoint) }
    }

    /// Column generation as far as its dive's steps go: nothing here is solved.
    private let solver = ColumnGenerationSolver(withLP: { _, _ in },
                                                solveMIP: { _, _, _ in MIPResult(termination: .error("not solved here"), primalStatus: .noPoint) })

    /// Instance2, its pricer, and a recording LP whose columns follow the master's shell.
    static func fixture() throws -> (Instance, PatternPricer, RecordingLP) {
        let inst = try compileInstance(2)
        return (inst, PatternPricer(inst), RecordingLP(first: Master(instance: inst).shell().numVariables))
    }

    /// Adds `p` to the master; its column.
    private func added(_ master: inout Master, _ p: ShiftPattern) throws -> Int {
        let j = master.add(p)
        return try #require(j)
    }

    /// Two different patterns of worker `w`, priced at two sets of duals.
    private func twoPatterns(_ pricer: PatternPricer, worker w: Int, shifts: Int) throws -> (ShiftPattern, ShiftPattern) {
        let a = try #require(pricer.price(worker: w, shiftDuals: (0..<shifts).map { $0 % 3 == 0 ? 50 : 0 }, exact: false)?.patterns.first)
        let b = try #require(pricer.price(worker: w, shiftDuals: (0..<shifts).map { $0 % 3 == 1 ? 50 : 0 }, exact: false)?.patterns.first)
        try #require(a.shifts != b.shifts)
        return (a, b)
    }

    @Test("a day the LP all but takes is fixed; the patterns that break it leave the LP; pricing keeps it")
    func fixesWhatTheLPAllButTakes() throws {
        let (inst, pricer, lp) = try Self.fixture()
        var master = Master(instance: inst)
        let (a, b) = try twoPatterns(pricer, worker: 0, shifts: inst.shifts.count)
        let (c, d) = try twoPatterns(pricer, worker: 1, shifts: inst.shifts.count)
        let ja = try added(&master, a), jb = try added(&master, b)
        let jc = try added(&master, c), jd = try added(&master, d)
        master.load(into: lp)
        #expect(lp.added == 4 && (0..<4).allSatisfy { lp.bounds[master.lpColumn($0)]?.upper == Master.free })

        // Worker 0 takes 0.95 of a and 0.05 of b; worker 1 half each of c and d.
        solver.fixDays(&master, lp: lp, columns: [(ja, 0.95), (jb, 0.05), (jc, 0.5), (jd, 0.5)], atLeast: { _ in 1 })
        // Every day where a and b differ is fixed a's way (0.95 ≥ diveFix): a shift a works there as
        // worked, or the day off where a is off. b leaves the LP, a stays.
        let differ = Set(a.shifts).symmetricDifference(b.shifts)
        #expect(!differ.isEmpty)
        #expect(!master.days[0].isEmpty && master.days[0].allSatisfy { a.shifts.contains($0.key) == $0.value })
        #expect(differ.filter { a.shifts.contains($0) }.allSatisfy { master.days[0][$0] == true })
        #expect(master.allows(a) && !master.allows(b))
        #expect(lp.bounds[master.lpColumn(jb)]?.upper == 0 && lp.bounds[master.lpColumn(ja)]?.upper == Master.free)
        // Worker 1's decisions are all at 0.5, below diveFix, and the step has fixed its one decision
        // already: none of them is fixed.
        #expect(master.days[1].isEmpty && master.allows(c) && master.allows(d))
        // However many decisions a step is asked for, it fixes none that the worker's patterns kept so
        // far cannot keep together: c or d stays.
        var greedy = master
        solver.fixDays(&greedy, lp: RecordingLP(first: lp.first), columns: [(jc, 0.5), (jd, 0.5)], atLeast: { _ in 1000 })
        #expect(greedy.days[1].count >= 2)
        #expect(greedy.allows(c) || greedy.allows(d))
        // A step over worker 1 alone fixes exactly one of them: c or d leaves the LP, the other stays.
        solver.fixDays(&master, lp: lp, columns: [(jc, 0.5), (jd, 0.5)], atLeast: { _ in 1 })
        #expect(master.days[1].count >= 1)
        #expect(master.allows(c) != master.allows(d))
        #expect(lp.bounds[master.lpColumn(master.allows(c) ? jd : jc)]?.upper == 0)
        // A pattern found later that breaks a fixing is loaded with an upper bound of 0.
        let e = try #require(pricer.price(worker: 0, shiftDuals: (0..<inst.shifts.count).map { $0 % 3 == 2 ? 50 : 0 },
                                          exact: false)?.patterns.first)
        try #require(!master.allows(e))
        let je = try added(&master, e)
        master.load(into: lp)
        #expect(lp.bounds[master.lpColumn(je)]?.upper == 0)

        // Pricing with the steered duals returns patterns that keep every fixing, whatever the duals.
        for seed in 0..<5 {
            var rng = SeededGenerator(seed: UInt64(seed))
            let duals = (0..<inst.shifts.count).map { _ in Double.random(in: -20...60, using: &rng) }
            for w in [0, 1] {
                let priced = try #require(pricer.price(worker: w, shiftDuals: master.steer(duals, worker: w), exact: false))
                #expect(priced.patterns.contains { master.allows($0) }, "worker \(w), duals \(seed)")
            }
        }

        master.unfixAll(in: lp)
        #expect(master.days.allSatisfy { $0.isEmpty })
        #expect((0..<master.columns.count).allSatisfy { lp.bounds[master.lpColumn($0)]?.upper == Master.free })
    }

    @Test("the decisions at an LP point: each fractional shift, each fractional day off, counted once a pattern")
    func decisionsAtAnLPPoint() throws {
        let inst = try compileInstance(2)
        var master = Master(instance: inst)
        // Worker 2 half on a pattern that works both of day 0's shifts and one of day 1's, half on one
        // that works day 1's same shift only. (The decisions do not judge the rules.)
        let day0 = inst.shifts.indices.filter { inst.shifts[$0].day == 0 }
        let day1 = try #require(inst.shifts.indices.first { inst.shifts[$0].day == 1 })
        try #require(day0.count == 2)
        let both = try added(&master, ShiftPattern(worker: 2, shifts: day0 + [day1], own: 0))
        let one = try added(&master, ShiftPattern(worker: 2, shifts: [day1], own: 0))
        let (decisions, fractionalDays) = solver.dayDecisions(master, columns: [(both, 0.5), (one, 0.5)])
        // Day 0: each shift at 0.5, and off at 0.5 (not 0: the pattern working both counts once).
        // Day 1: worked by both patterns, so no decision.
        #expect(decisions.count == 3)
        #expect(decisions.allSatisfy { $0.w == 2 && $0.day == 0 && abs($0.v - 0.5) < 1e-9 })
        #expect(Set(decisions.compactMap { $0.shift }) == Set(day0) && decisions.contains { $0.shift == nil })
        #expect(fractionalDays == 1)
    }

    @Test("a later dive's rank decides which fractional day a step fixes: the LP's larger share, or another")
    func rankChoosesTheDecision() throws {
        let (inst, pricer, _) = try Self.fixture()
        let (a, b) = try twoPatterns(pricer, worker: 0, shifts: inst.shifts.count)
        // Worker 0 takes 0.7 of a and 0.3 of b: where they differ, a's way is at 0.7 and b's at 0.3, both
        // below diveFix, so a step asked for one decision fixes the first in rank order.
        func step(rank: (Double) -> Double) throws -> Master {
            var master = Master(instance: inst)
            let lp = RecordingLP(first: Master(instance: inst).shell().numVariables)
            let ja = try added(&master, a), jb = try added(&master, b)
            master.load(into: lp)
            solver.fixDays(&master, lp: lp, columns: [(ja, 0.7), (jb, 0.3)], atLeast: { _ in 1 }, rank: rank)
            return master
        }
        // By share (a first dive): a day a's way, so b leaves the LP.
        let byShare = try step { $0 }
        #expect(!byShare.days[0].isEmpty && byShare.allows(a) && !byShare.allows(b))
        // A rank that puts the smaller share first: a day b's way instead.
        let reversed = try step { 1 - $0 }
        #expect(!reversed.days[0].isEmpty && reversed.allows(b) && !reversed.allows(a))
    }

    @Test("where no decision can be fixed, a step fixes the largest pattern")
    func fallsBackToAPattern() throws {
        let (inst, pricer, lp) = try Self.fixture()
        var master = Master(instance: inst)
        let (a, b) = try twoPatterns(pricer, worker: 0, shifts: inst.shifts.count)
        let ja = try added(&master, a), jb = try added(&master, b)
        master.load(into: lp)
        // Every shift of worker 0 is already fixed a's way: each decision the values below offer is fixed
        // or clashes with a fixing.
        for h in inst.shifts.indices { master.fix(0, shift: h, works: a.shifts.contains(h), in: lp) }
        solver.fixDays(&master, lp: lp, columns: [(ja, 0.6), (jb, 0.4)], atLeast: { _ in 1 })
        #expect(master.fixed[0] == ja)
        #expect(lp.bounds[master.lpColumn(ja)].map { $0.lower == 1 && $0.upper == 1 } == true)
    }
}
