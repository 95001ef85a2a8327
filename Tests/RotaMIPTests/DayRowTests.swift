// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
import RotaModel
import RotaChecker
import LinearModel
import GLPKSolver
@testable import RotaMIP

/// A worker's shifts of a day are bounded by the day's working indicator: Σ z ≤ maxShiftsPerDay ·
/// works, instead of Σ z ≤ maxShiftsPerDay beside z ≤ works.
@Suite struct DayRowTests {
    static let recovery = "\(repoRoot)/examples/recovery-team-oncall.json"
    static let rota = "\(repoRoot)/Tests/RotaMIPTests/Fixtures/recovery-914.solution.json"

    /// The recovery example's linear relaxation was 450.77: half a working day could hold half a
    /// late shift and half an on-call night, so no shift went short. With the row it is 786.77
    /// (one late shift short and 36 minutes' overtime: what HiGHS's presolve found by probing).
    /// The best rota known costs 878 or less.
    @Test func theRecoveryRelaxationCountsTheShortShift() throws {
        let inst = try load(Self.recovery)
        let model = RotaFormulation.buildModel(inst).model
        let lp = try #require(try GLPKSolver(options: GLPKOptions(timeLimit: 60)).solveRelaxation(model).bound)
        #expect(lp > 786.7 && lp < 786.8, "LP relaxation \(lp)")
    }

    /// The row cuts off no rota: a valid rota of the recovery example (objective 914, found by `auto`
    /// at 60 s) is a feasible point with the checker's objective, in the exact and the soft model, and
    /// 300 perturbations of it are feasible points exactly when the checker finds them valid.
    @Test func aValidRotaStaysAPoint() throws {
        let inst = try load(Self.recovery)
        let valid = try loadSolution(Self.rota, inst)
        let report = Checker.check(valid, in: inst)
        #expect(report.isFeasible && report.objective.total == 914)
        let f = RotaFormulation.buildModel(inst)
        #expect(agree(f, valid, "recovery 914"))
        #expect(agree(RotaFormulation.buildModel(inst, softMinimums: true), valid, "recovery 914, soft"))
        let feasible = perturbationsAgree(f, from: valid, seed: 11, walk: false, label: "recovery")
        #expect(feasible > 10, "\(feasible) feasible perturbations")
    }
}
