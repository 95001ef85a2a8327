import ArgumentParser
import Foundation
import Logging
import RotaChecker
import RotaModel
import RotaWorkflows

struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Compare what-if variants of a scenario side by side (staffing, sickness, caps, sessions, venues).",
        discussion: """
        Each --change is a small JSON or YAML patch, e.g. {"name": "Sam off sick", "workerOff": {"worker": "w-sam", "from": "2026-11-25"}}.
        Keys: workerOff, addWorker, caseloadCap, addSessions, removeSessions, closeVenue (several may combine; see docs/workflows.md).
        The baseline and every variant are solved with the same solver, time limit and seed; every figure is the checker's.
        Exit codes: 0 compared (even when a variant has no valid rota: the table says so), 2 invalid input.
        """)

    @Argument(help: "The scenario (rota-scenario/1, JSON or YAML).") var scenario: String
    @Option(name: .customLong("change"), help: "A change file (repeatable).") var changes: [String] = []
    @Option(help: "auto, glpk, greedy or trivial.") var solver: SolverChoice = .auto
    @Option(name: .customLong("time-limit"), help: "Seconds for each solve.") var timeLimit: Double = 10
    @OptionGroup var idle: IdleMovesOption
    @Option(help: "Seed for the native solver.") var seed: UInt64 = 1
    @Flag(help: "Print the comparison as JSON.") var json = false
    @Flag(name: .shortAndLong, help: "Log what the solvers do on stderr.") var verbose = false

    func validate() throws {
        if changes.isEmpty { throw ValidationError("give at least one --change FILE") }
        if timeLimit <= 0 || !timeLimit.isFinite { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() throws {
        var logger = Logger(label: "rota")
        logger.logLevel = verbose ? .debug : .warning
        let variants: [WhatIf.Variant] = try withInputErrors {
            let tree = try DocumentLoader.load(path: scenario)
            let loaded = try changes.map { try WhatIf.loadChange(path: $0) }
            return try WhatIf.run(scenario: tree, file: scenario, changes: loaded, choice: solver,
                                  options: idle.applied(to: SolveOptions(timeLimit: timeLimit, seed: seed)), runner: SolveRunner(logger: logger))
        }
        if json {
            let report = WhatIf.Report(scenario: variants.first?.instance.scenario.name ?? "", solver: solver.rawValue,
                                       timeLimit: timeLimit, variants: variants.map(\.figures))
            FileHandle.standardOutput.write(try WorkflowSupport.json(report))
        } else {
            print("What-if: \(variants.first?.instance.scenario.name ?? scenario) (solver \(solver.rawValue), \(timeLimit) s each)")
            print(WhatIf.render(variants), terminator: "")
        }
    }
}
