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
        let byDay = (0..<8).map { d in inst.shifts.indices.filter { inst.shifts[$0].day == d } }
        var best = Double.infinity
        var plans = 0
        for code in 0..<6561 {
            var c = code
            var shifts: [Int] = []
            for d in 0..<8 {
                let k = c % 3; c /= 3
                if k > 0 { shifts.append(byDay[d][k - 1]) }
            }
            guard let own = judge(shifts, inst, pricer: pricer) else { continue }
            plans += 1
            best = min(best, Double(own) - shifts.reduce(0) { $0 + duals[$1] })
        }
        #expect(plans > 0)
        let priced = try #require(pricer.price(worker: 0, shiftDuals: duals, exact: true))
        let p = try #require(priced.patterns.first)
        let value = Double(p.own) - p.shifts.reduce(0) { $0 + duals[$1] }
        #expect(abs(value - best) < 1e-6, "priced \(value), brute force \(best)")
        let lowest = try #require(priced.lowest)
        #expect(lowest <= best && lowest > best - 0.01)
        // Its own terms are the checker's.
        #expect(judge(p.shifts, inst, pricer: pricer) == p.own)
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
