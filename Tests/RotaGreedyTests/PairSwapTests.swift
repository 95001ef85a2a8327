import Testing
import RotaModel
import RotaChecker
@testable import RotaGreedy

/// The pair move's dynamic programme against brute force: on the small roster of
/// `patternScenario`, the trade it picks between workers A and B scores what the best of all 2^8
/// sets of traded days scores when each is laid in the engine (or, when it picks none, no set
/// beats the rota as it is).
@Suite struct PairSwapTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func tradeIsTheBestOfEverySet(seed: UInt64) throws {
        let inst = try patternScenario(seed: seed)
        let e = Engine(inst)
        let ls = LocalSearch(e, seed: seed, lambda: 7)
        var rng = SplitMix64(seed: seed ^ 77)
        for h in 0..<e.nH { for w in 0...1 where rng.chance(0.45) { _ = e.addShift(h, w) } }
        let (a, b) = (0, 1)
        let lineA = (0..<e.D).map { ls.shiftOn(a, $0) }, lineB = (0..<e.D).map { ls.shiftOn(b, $0) }

        func lay(_ trade: [Bool]) -> Bool {
            for h in 0..<e.nH { e.removeShift(h, a); e.removeShift(h, b) }
            for d in 0..<e.D {
                let (ha, hb) = trade[d] ? (lineB[d], lineA[d]) : (lineA[d], lineB[d])
                if let ha, !e.addShift(ha, a) { return false }
                if let hb, !e.addShift(hb, b) { return false }
            }
            return true
        }
        #expect(lay([Bool](repeating: false, count: e.D)))
        let current = e.score(ls.lambda)
        var best = Int.max, sets = 0
        for mask in 0..<(1 << e.D) {
            let trade = (0..<e.D).map { mask >> $0 & 1 == 1 }
            if lay(trade) { sets += 1; best = min(best, e.score(ls.lambda)) }
        }
        #expect(sets > 1)
        _ = lay([Bool](repeating: false, count: e.D))
        if let trade = ls.planPair(a, b) {
            #expect(lay(trade), "the trade breaks a strict rule")
            #expect(e.score(ls.lambda) == best)
            #expect(best < current || trade.contains(true))
        } else {
            #expect(best == current, "a better trade exists: \(best) against \(current)")
        }
        // The engine's books stay exact.
        let r = e.recomputedTotals()
        #expect(r.cost == e.totalCost && r.penalty == e.totalPenalty)
    }
}
