import Foundation
import Testing
import RotaModel
import RotaChecker
@testable import RotaGreedy

/// Column generation's pricing (`PatternPricer`) against brute force and the checker, on the small
/// Curtois-form roster of `PatternMoveTests` (pure shift rostering, no fairness, no baseline).
@Suite struct PatternPricerTests {
    /// Worker A's rota alone, judged by the checker: valid or not, and its objective less the cover
    /// terms (what is A's own).
    private func judge(_ shifts: [Int], _ inst: Instance, pricer: PatternPricer) -> Int? {
        var a = Assignment.empty(for: inst)
        for h in shifts { a.shiftWorkers[h].append(0) }
        let report = Checker.check(a, in: inst)
        guard report.isFeasible else { return nil }
        let counts = a.shiftWorkers.map(\.count)
        return report.objective.total - pricer.coverCost(counts: counts)
    }

    /// Exact pricing finds the least `own − Σ duals` over every plan of worker A that the checker
    /// accepts (all 3^8 of them tried), for random duals; the pattern it returns has that value.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func exactPricingIsTheBestOfEveryPlan(seed: UInt64) throws {
        let inst = try patternScenario(seed: seed)
        let pricer = PatternPricer(inst)
        #expect(pricer.inapplicable == nil)
        var rng = SplitMix64(seed: seed ^ 7)
        let duals = inst.shifts.map { _ in Double(rng.int(9000) - 3000) / 100 }
        let values = everyPlanValue(inst, duals: duals, pricer: pricer)
        #expect(!values.isEmpty)
        let best = values.min() ?? .infinity
        let priced = try #require(pricer.price(worker: 0, shiftDuals: duals, exact: true))
        let p = try #require(priced.patterns.first)
        let value = Double(p.own) - p.shifts.reduce(0) { $0 + duals[$1] }
        #expect(abs(value - best) < 1e-6, "priced \(value), brute force \(best)")
        let lowest = try #require(priced.lowest)
        #expect(lowest <= best && lowest > best - 0.01)
        // Its own terms are the checker's.
        #expect(judge(p.shifts, inst, pricer: pricer) == p.own)
    }

    /// Every plan of worker A the checker accepts, with its value `own − Σ duals` (all 3^8 tried).
    private func everyPlanValue(_ inst: Instance, duals: [Double], pricer: PatternPricer) -> [Double] {
        let byDay = (0..<8).map { d in inst.shifts.indices.filter { inst.shifts[$0].day == d } }
        var values: [Double] = []
        for code in 0..<6561 {
            var c = code
            var shifts: [Int] = []
            for d in 0..<8 {
                let k = c % 3; c /= 3
                if k > 0 { shifts.append(byDay[d][k - 1]) }
            }
            guard let own = judge(shifts, inst, pricer: pricer) else { continue }
            values.append(Double(own) - shifts.reduce(0) { $0 + duals[$1] })
        }
        return values
    }

    /// Pricing with a cutoff (column generation's worker dual): above the best plan's value it finds
    /// that plan, as without one, and the beam's patterns are all below the cutoff or the best; below
    /// it, exact pricing finds no pattern and its `lowest` still bounds every plan, from above the cutoff.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func aCutoffDropsOnlyPlansAboveIt(seed: UInt64) throws {
        let inst = try patternScenario(seed: seed)
        let pricer = PatternPricer(inst)
        var rng = SplitMix64(seed: seed ^ 11)
        let duals = inst.shifts.map { _ in Double(rng.int(9000) - 3000) / 100 }
        let values = everyPlanValue(inst, duals: duals, pricer: pricer)
        let best = try #require(values.min())
        func value(_ p: ShiftPattern) -> Double { Double(p.own) - p.shifts.reduce(0) { $0 + duals[$1] } }

        let above = try #require(pricer.price(worker: 0, shiftDuals: duals, exact: true, cutoff: best + 5))
        let p = try #require(above.patterns.first)
        #expect(abs(value(p) - best) < 1e-6)
        let lowest = try #require(above.lowest)
        #expect(lowest <= best && lowest > best - 0.01)

        let below = try #require(pricer.price(worker: 0, shiftDuals: duals, exact: true, cutoff: best - 5))
        #expect(below.patterns.isEmpty)
        let bound = try #require(below.lowest)
        #expect(bound >= best - 5 && bound <= best, "lowest \(bound), cutoff \(best - 5), best plan \(best)")

        // The beam with alternatives: whatever it offers is a plan of that value, and none below the
        // cutoff is lost to it when the best is below.
        let beam = try #require(pricer.price(worker: 0, shiftDuals: duals, exact: false, alternatives: 2, cutoff: best + 5))
        #expect(!beam.patterns.isEmpty)
        for q in beam.patterns { #expect(judge(q.shifts, inst, pricer: pricer) == q.own) }
    }

    /// Each worker's own terms in a valid rota, with the cover terms, add up to the checker's objective;
    /// a plan that breaks a rule of the worker's is no pattern.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func ownTermsAndCoverAreTheObjective(seed: UInt64) throws {
        let inst = try patternScenario(seed: seed)
        let r = GreedySolver().solve(inst, options: SolveOptions(timeLimit: 0.5, seed: seed, threads: 1))
        let a = try #require(r.assignment)
        let report = Checker.check(a, in: inst)
        #expect(report.isFeasible)
        let pricer = PatternPricer(inst)
        var total = pricer.coverCost(counts: a.shiftWorkers.map(\.count))
        for w in inst.workers.indices {
            let shifts = a.shiftWorkers.indices.filter { a.shiftWorkers[$0].contains(w) }
            let p = try #require(pricer.pattern(worker: w, shifts: shifts))
            #expect(p.shifts == shifts)
            total += p.own
        }
        #expect(total == report.objective.total)
        // Worker A may work at most two E shifts: three is no pattern.
        let es = inst.shifts.indices.filter { inst.shiftTypes[inst.shifts[$0].type].id == "E" }
        let threeE = [es[0], es[2], es[4]]
        #expect(judge(threeE, inst, pricer: pricer) == nil)
        #expect(pricer.pattern(worker: 0, shifts: threeE) == nil)
    }
}
