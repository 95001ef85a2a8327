import Foundation
import Testing
import RotaModel
import RotaChecker
import RotaGreedy

/// `SolveOptions.enoughOnceValidAt`: the native solver stops once it holds a valid rota past that
/// time (column generation in `auto` then starts from it), not at its time limit.
@Suite struct NativeHandOverTests {
    @Test("the native solver with enoughOnceValidAt stops soon after it has a valid rota")
    func stopsOnceValid() throws {
        let inst = try compileInstance(1)
        var options = SolveOptions(timeLimit: 30, seed: 1, threads: 1)
        options.enoughOnceValidAt = 0.5
        let r = GreedySolver().solve(inst, options: options)
        let a = try #require(r.assignment)
        #expect(Checker.check(a, in: inst).isFeasible)
        #expect(r.seconds < 10, "ran \(r.seconds) s of a 30 s limit")
    }
}
