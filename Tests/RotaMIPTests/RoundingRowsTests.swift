// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
import RotaModel
import LinearModel
@testable import RotaMIP

/// The mixed-integer rounding rows added to the minute rows (H7).
@Suite struct RoundingRowsTests {
    /// A 37-hour week (2,220 minutes) with 450-minute shifts, a 60-minute on-call and a 10-minute
    /// leg of travel: four shifts fit, and each one more costs 30 minutes of overtime.
    @Test func aContractWeekHoldsFourShiftsWithoutOvertime() throws {
        let cut = try #require(RotaFormulation.mixedIntegerRounding([450, 450, 60, 10], 2220, sign: 1, slack: true, divisor: 450))
        #expect(cut.coefficients == [1, 1, 0, 0])
        #expect(abs(cut.slack - (-1.0 / 30)) < 1e-9)
        #expect(cut.rhs == 4)
        // A minimum (≥) row: 13 shifts of 450 minutes reach 5,850, and 5,800 needs 13 as well.
        let low = try #require(RotaFormulation.mixedIntegerRounding([450, 450], -5800, sign: -1, slack: false, divisor: 450))
        // −Σx ≤ −12.9 rounds to −Σx ≤ −13: coefficients −1, right-hand side −13.
        #expect(low.coefficients == [-1, -1] && low.rhs == -13)
    }

    /// Nothing is added when it cannot cut: a right-hand side that is a whole number of divisors,
    /// or fewer than two terms as large as the divisor.
    @Test func nothingWhenItCannotCut() {
        #expect(RotaFormulation.mixedIntegerRounding([450, 450, 60], 2700, sign: 1, slack: true, divisor: 450) == nil)
        #expect(RotaFormulation.mixedIntegerRounding([450, 60, 60], 2220, sign: 1, slack: true, divisor: 450) == nil)
    }

    /// The row holds at every integer point of random rows (x in 0…2, the slack at the least the row
    /// needs), for ≤ and ≥ rows, with and without a slack, over several divisors.
    @Test func validAtEveryIntegerPoint() {
        var rng = SeededGenerator(seed: 7)
        var checked = 0
        for _ in 0..<300 {
            let n = Int.random(in: 2...4, using: &rng)
            let c = (0..<n).map { _ in Double([450, 480, 360, 60, 10, 600, 720].randomElement(using: &rng)!) }
            let sign: Double = Bool.random(using: &rng) ? 1 : -1
            let rhs = Double(Int.random(in: 300...3000, using: &rng))
            let slack = sign > 0 && Bool.random(using: &rng)
            let delta = Double([450, 480, 360].randomElement(using: &rng)!)
            guard let cut = RotaFormulation.mixedIntegerRounding(c, sign * rhs, sign: sign, slack: slack, divisor: delta) else { continue }
            var x = [Int](repeating: 0, count: n)
            while true {
                let lhs = zip(c, x).reduce(0.0) { $0 + $1.0 * Double($1.1) }
                let need = sign * lhs - sign * rhs  // the slack the row needs (≤ 0: none)
                if slack || need <= 1e-9 {
                    let s = slack ? max(0, need) : 0
                    let cutLHS = zip(cut.coefficients, x).reduce(0.0) { $0 + $1.0 * Double($1.1) } + cut.slack * s
                    #expect(cutLHS <= cut.rhs + 1e-7, "c \(c) sign \(sign) rhs \(rhs) δ \(delta) x \(x) s \(s)")
                    checked += 1
                }
                var i = 0
                while i < n && x[i] == 2 { x[i] = 0; i += 1 }
                if i == n { break }
                x[i] += 1
            }
        }
        #expect(checked > 1000)
    }
}
