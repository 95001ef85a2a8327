// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import RotaModel
import RotaChecker
import LinearModel
import GLPKSolver
@testable import RotaMIP

/// Measurements (not a check): run with ROTA_MIP_MEASURE=1 (see Benchmarks/mip/run.sh).
/// Prints one line per scenario: model size, status, objective, bound, seconds.
@Suite struct MeasureTests {
    static let enabled = ProcessInfo.processInfo.environment["ROTA_MIP_MEASURE"] != nil
    static var limit: Double { Double(ProcessInfo.processInfo.environment["ROTA_MIP_LIMIT"] ?? "60") ?? 60 }

    @Test(.enabled(if: MeasureTests.enabled), arguments: [
        "\(sharedExamples)/team-7001.scenario.json", "\(sharedExamples)/team-7002.scenario.json",
        "\(sharedExamples)/team-7003.scenario.json", "\(repoRoot)/examples/family-time-week.json",
        "\(repoRoot)/examples/recovery-team-oncall.json",
    ])
    func measure(path: String) throws {
        let env = ProcessInfo.processInfo.environment
        if let only = env["ROTA_MIP_ONLY"], !path.contains(only) { return }
        let fp = env["ROTA_MIP_FP"] != nil
        let solveFn: MIPRotaSolver.SolveFunction = { model, warm, limit in
            try GLPKSolver(options: GLPKOptions(timeLimit: limit, feasibilityPump: fp, proximitySearch: fp)).solve(model, warmStart: warm)
        }
        let inst = try Instance.load(path: path)
        let t0 = Date()
        let est = RotaFormulation.estimatedNonzeros(inst)
        var sizeText = "estimated nnz \(est)"
        if est <= 400_000 {
            let f = RotaFormulation.buildModel(inst)
            sizeText += ", built \(f.size.variables) vars \(f.size.constraints) rows \(f.size.nonzeros) nnz in \(String(format: "%.2f", Date().timeIntervalSince(t0))) s"
        }
        let r = MIPRotaSolver(solve: solveFn).solve(inst, options: SolveOptions(timeLimit: MeasureTests.limit))
        report("MEASURE\(fp ? " (fp+ps)" : "") \(URL(fileURLWithPath: path).lastPathComponent): \(sizeText)", r, inst)
    }
}

/// Prints one measurement line (status, solver, objective and terms when there is a rota, bound,
/// seconds) and the solver's notes; any rota must be valid.
func report(_ head: String, _ r: SolverResult, _ inst: Instance) {
    var line = "\(head); status \(r.status) solver \(r.solver)"
    if let a = r.assignment {
        let rep = Checker.check(a, in: inst)
        line += " feasible \(rep.isFeasible) objective \(rep.objective.total) terms \(rep.objective.terms.values)"
        #expect(rep.isFeasible)
    }
    line += " bound \(r.bound.map { String(format: "%.1f", $0) } ?? "-") seconds \(String(format: "%.1f", r.seconds))"
    print(line)
    for n in r.notes { print("  note: \(n)") }
}

/// Curtois & Qu measurements with GLPK's feasibility pump and proximity search on for every solve
/// (the backend in RotaWorkflows turns them on only without a warm start, and adds cuts on the whole model):
/// ROTA_MIP_CURTOIS=/tmp/i7.json (converted by `rota import curtois`), ROTA_MIP_LIMIT, ROTA_MIP_SUB (sub-MIP seconds).
@Suite struct CurtoisMeasureTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ROTA_MIP_CURTOIS"] != nil))
    func measureCurtois() throws {
        let env = ProcessInfo.processInfo.environment
        let inst = try Instance.load(path: env["ROTA_MIP_CURTOIS"]!)
        var solver = MIPRotaSolver(name: "glpk") { model, warm, seconds in
            var glpk = GLPKOptions(timeLimit: seconds, feasibilityPump: true, proximitySearch: true)
            glpk.proximitySearchShare = 0.5
            return try GLPKSolver(options: glpk).solve(model, warmStart: warm)
        }
        if let s = env["ROTA_MIP_SUB"].flatMap(Double.init) { solver.softSubLimit = s }
        if let s = env["ROTA_MIP_SHARE"].flatMap(Double.init) { solver.softSearchShare = s }
        let r = solver.solve(inst, options: SolveOptions(timeLimit: MeasureTests.limit))
        report("MEASURE \(env["ROTA_MIP_CURTOIS"]!)", r, inst)
    }
}
