// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
import RotaModel
import RotaChecker
@testable import RotaMIP

/// The soft search's day windows aim at shifts the rota leaves short.
@Suite struct AimedWindowTests {
    /// The recovery example's 914 rota leaves one shift short: the late shift of 8 December, day 15.
    @Test func shortShiftsAreFound() throws {
        let inst = try load(DayRowTests.recovery)
        let rota = try loadSolution(DayRowTests.rota, inst)
        #expect(SoftNeighbourhoodSearch.shortShiftDays(rota, inst) == [15])
        var fewer = rota
        let h = try #require(inst.shiftIndex["E-2026-11-23"])
        fewer.shiftWorkers[h] = Array(fewer.shiftWorkers[h].prefix(inst.shifts[h].required - 1))
        #expect(SoftNeighbourhoodSearch.shortShiftDays(fewer, inst) == [0, 15])
    }

    /// Every window lies in the horizon; with short shifts about half of them hold one (the rest,
    /// anywhere, sometimes do too), and without, every start is drawn.
    @Test func windowsHoldShortShiftsHalfTheTime() {
        var rng = SplitMix(seed: 3)
        var holding = 0, starts = Set<Int>()
        let days = 28, short = [17, 3]
        for _ in 0..<2000 {
            let len = Int.random(in: 3...7, using: &rng)
            let lo = SoftNeighbourhoodSearch.windowStart(length: len, days: days, shortDays: short, rng: &rng)
            #expect(lo >= 0 && lo + len <= days)
            if short.contains(where: { (lo..<(lo + len)).contains($0) }) { holding += 1 }
            starts.insert(SoftNeighbourhoodSearch.windowStart(length: len, days: days, shortDays: [], rng: &rng))
        }
        // Aimed half the time (1000), and a random 3-7 day window holds day 3 or 17 about a third of the time.
        #expect(holding > 1150 && holding < 1500, "\(holding) of 2000")
        #expect(starts == Set(0...25))
        // A short shift on the last day: the window still ends in the horizon and holds it when aimed.
        var end = 0
        for _ in 0..<200 where SoftNeighbourhoodSearch.windowStart(length: 5, days: days, shortDays: [27], rng: &rng) == 23 { end += 1 }
        #expect(end > 80)
    }
}
