import Foundation
import Testing
import RotaModel
@testable import RotaGreedy

/// Exact pricing's two economies (`LocalSearch.planPatternPriced`): labels merged where the days left
/// cannot use the room below a cap, and labels dropped by a completion bound against the beam's plan.
/// Both must leave the cheapest plan's cost exactly as the plain programme finds it.
@Suite struct ExactPricingTests {
    /// For random prices on the shifts, exact pricing (merged labels, bounded by the beam's plan) finds
    /// the same least cost as the plain programme (a beam wide enough to keep every label, keyed on each
    /// option, no merging, no bound), as does merging alone; and each economy makes fewer labels.
    @Test("merged and bounded exact pricing finds the plain programme's least cost", arguments: [(5, 1), (7, 2), (8, 3)] as [(Int, UInt64)])
    func exactPricingAgreesWithThePlainProgramme(instance n: Int, seed: UInt64) throws {
        let inst = try compileInstance(n)
        let pricer = PatternPricer(inst)
        var rng = SplitMix64(seed: seed)
        var compared = 0
        var labels = (exact: 0, merged: 0, plain: 0)
        for w in inst.workers.indices.filter({ $0 % 3 == Int(seed % 3) }) {
            // Covering a shift is worth 0-120 (scaled to the programme's units); a few shifts cost instead.
            let prices = inst.shifts.map { _ in -(rng.int(1_200_000) - 100_000) }
            let pricing = LocalSearch.PatternPricing(shiftPrice: prices, scale: PatternPricer.scale)
            let beam = try #require(pricer.ls.planPatternPriced(w, window: nil, noise: 0, keep: pricer.beamWidth, pricing: pricing))
            let bound = try #require(beam.plans.first?.cost)
            guard let plain = pricer.ls.planPatternPriced(w, window: nil, noise: 0, keep: 1_000_000, pricing: pricing,
                                                          labelLimit: 1_500_000) else { continue }
            let exact = try #require(pricer.ls.planPatternPriced(w, window: nil, noise: 0, keep: Int.max, pricing: pricing,
                                                                 upperBound: bound))
            // Merging alone (no bound) finds it too.
            let merged = try #require(pricer.ls.planPatternPriced(w, window: nil, noise: 0, keep: Int.max, pricing: pricing))
            #expect(merged.plans.first?.cost == plain.plans.first?.cost)
            #expect(exact.complete)
            let e = try #require(exact.plans.first), p = try #require(plain.plans.first)
            #expect(e.cost == p.cost, "worker \(inst.workers[w].id): exact \(e.cost), plain \(p.cost), beam \(bound)")
            #expect(e.cost <= bound)
            // The plan exact pricing returns is a pattern of the worker's with those own terms.
            let pattern = try #require(pricer.pattern(worker: w, shifts: e.plan.compactMap { $0 }))
            #expect(pattern.own == e.own)
            labels.exact += exact.labels; labels.merged += merged.labels; labels.plain += plain.labels
            compared += 1
        }
        #expect(compared >= 4)
        // Each economy saves labels: merging alone, and the bound beside it.
        #expect(labels.merged * 3 < labels.plain * 2 && labels.exact * 2 < labels.merged,
                "labels: bounded \(labels.exact), merged \(labels.merged), plain \(labels.plain)")
        print("labels (instance \(n)): bounded \(labels.exact), merged \(labels.merged), plain \(labels.plain)")
    }
}
