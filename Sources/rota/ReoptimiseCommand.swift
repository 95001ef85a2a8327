import ArgumentParser
import Foundation
import Logging
import RotaChecker
import RotaModel
import RotaWorkflows

struct ReoptimiseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reoptimise",
        abstract: "Re-optimise a published rota without churn: keep frozen and pinned work, change as little as possible.",
        discussion: """
        The published rota becomes the scenario's baseline and --freeze-before its freeze instant; the
        stability term charges each change and H12 keeps everything starting before the freeze. The new
        solution is written atomically (a failed or interrupted run leaves the previous file untouched);
        the change list goes to stderr and, with --changes, to a JSON file. The output omits `seconds`,
        so the same inputs give byte-identical output (fixed seed).
        Exit codes for cron: 0 no change, 10 changed, 2 invalid input, 3 infeasible, 4 solver failure.
        """)

    @Argument(help: "The scenario (rota-scenario/1, JSON or YAML).") var scenario: String
    @Option(help: "The published rota (rota-solution/1).") var baseline: String
    @Option(name: .customLong("freeze-before"), help: "Keep every published assignment starting before this local time (YYYY-MM-DDTHH:MM).") var freezeBefore: String
    @Option(name: .customLong("time-limit"), help: "Seconds for the solve.") var timeLimit: Double = 30
    @OptionGroup var idle: IdleMovesOption
    @Option(help: "auto, glpk, greedy or trivial.") var solver: SolverChoice = .auto
    @Option(help: "Seed for the native solver (fixed, so runs repeat).") var seed: UInt64 = 1
    @Option(help: "Write the new rota here (atomically).") var output: String
    @Option(name: .customLong("changes"), help: "Also write the change list as JSON here (atomically).") var changesFile: String?
    @Flag(name: .shortAndLong, help: "No change list on stderr.") var quiet = false
    @Flag(name: .shortAndLong, help: "Log what the solvers do on stderr.") var verbose = false

    func validate() throws {
        if timeLimit <= 0 || !timeLimit.isFinite { throw ValidationError("--time-limit must be a positive number of seconds") }
        if LocalDateTime(parsing: freezeBefore, allowEndOfDay: false) == nil {
            throw ValidationError("--freeze-before '\(freezeBefore)' is not a local time YYYY-MM-DDTHH:MM")
        }
    }

    func run() throws {
        var logger = Logger(label: "rota")
        logger.logLevel = verbose ? .debug : .warning
        let plain = try loadInstance(scenario)
        let published = try loadSolution(baseline)
        let instance: Instance = try withInputErrors {
            do {
                return try Reoptimise.prepare(plain.scenario, baseline: published,
                                              freezeBefore: LocalDateTime(parsing: freezeBefore, allowEndOfDay: false)!, file: scenario)
            } catch let e as InputError {
                throw InputError(file: "\(scenario) with --baseline \(baseline)", diagnostics: e.diagnostics)
            }
        }
        let result = Reoptimise.run(instance, choice: solver, options: idle.applied(to: SolveOptions(timeLimit: timeLimit, seed: seed)),
                                    runner: SolveRunner(logger: logger))
        guard let doc = result.document else {
            printError("reoptimise: no valid rota (\(result.status)); \(output) is left as it was")
            for n in result.notes { printError("  \(n)") }
            throw result.status == "infeasible" ? Exit.infeasible : Exit.solverFailure
        }
        do {
            try DocumentLoader.writeAtomically(try doc.jsonData(), to: output)
            if let changesFile {
                try DocumentLoader.writeAtomically(try WorkflowSupport.json(result.changes), to: changesFile)
            }
        } catch let e as InputError {
            printError(e.description); throw Exit.solverFailure
        }
        if !quiet {
            printError("reoptimise: \(doc.status) rota from \(result.source), objective \(doc.objective ?? 0) (stability \(doc.terms?.stability ?? 0)); \(result.changes.count) change\(result.changes.count == 1 ? "" : "s")")
            for c in result.changes { printError("  \(c.message)") }
            for n in result.notes { printError("  note: \(n)") }
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
