import Foundation
import Testing
import RotaModel
import RotaChecker
@testable import RotaGreedy

/// Scale check on a generated county scenario, run only when ROTA_GREEDY_SCALE names one
/// (for example: python3 Benchmarks/reference/gen.py gen --seed 5 --workers 600 > county.json).
@Suite struct ScaleTests {
    @Test func countyGreedyIsValidAndQuick() throws {
        guard let path = ProcessInfo.processInfo.environment["ROTA_GREEDY_SCALE"] else { return }
        let inst = try Instance.load(path: path)
        let limit = Double(ProcessInfo.processInfo.environment["ROTA_GREEDY_SECONDS"] ?? "0") ?? 0
        let r = GreedySolver(localSearch: limit > 0).solve(inst, options: SolveOptions(timeLimit: limit, seed: 1))
        let a = try #require(r.assignment)
        let report = Checker.check(a, in: inst)
        #expect(report.isFeasible, "\(report.violations.prefix(5))")
        for (s, rs) in r.reasons.sorted(by: { $0.key < $1.key }).prefix(5) { print("  \(inst.sessions[s].id): \(rs)") }
        print("scale \(path): \(inst.workers.count) workers, \(inst.sessions.count) sessions, \(inst.shifts.count) shifts: objective \(report.objective.total) \(report.objective.terms) in \(r.seconds) s; \(r.notes)")
    }
}
