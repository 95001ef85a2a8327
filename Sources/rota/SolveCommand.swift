import ArgumentParser
import Foundation
import Logging
import RotaChecker
import RotaModel
import RotaWorkflows

extension SolverChoice: ExpressibleByArgument {}

struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve a scenario and write a rota-solution/1 document (stdout, or --output FILE).",
        discussion: """
        Every answer, from any backend, passes the checker before it is written; a short summary goes to stderr.
        Exit codes: 0 a valid rota was written, 2 invalid input, 3 proved infeasible, 4 no valid rota found.
        """)

    @Argument(help: "The scenario (rota-scenario/1, JSON or YAML).") var scenario: String
    @Option(help: "auto, glpk, greedy or trivial.") var solver: SolverChoice = .auto
    @Option(name: .customLong("time-limit"), help: "Seconds for the whole solve.") var timeLimit: Double = 30
    @OptionGroup var idle: IdleMovesOption
    @Option(help: "Write the solution here (atomically) instead of stdout.") var output: String?
    @Option(help: "Seed for the native solver's randomised moves.") var seed: UInt64 = 1
    @Option(help: "Threads rota may use: independent parts of the scenario side by side (one part: an independent native search on each thread, the best kept), GLPK's search lanes on shift rostering, and the native solver beside GLPK in auto otherwise.") var threads: Int = 2
    @Option(name: .customLong("write-lp"), help: "Also write the integer program in CPLEX LP format to this file.") var writeLP: String?
    @Option(name: .customLong("lp-max-nonzeros"), help: "With --write-lp: refuse (exit 2) when the model would have more nonzeros than this.") var lpMaxNonzeros: Int = LPExport.defaultMaxNonzeros
    @Flag(name: .shortAndLong, help: "Log what the solvers do on stderr.") var verbose = false
    @Flag(name: .shortAndLong, help: "No summary on stderr.") var quiet = false

    func validate() throws {
        if timeLimit <= 0 || !timeLimit.isFinite { throw ValidationError("--time-limit must be a positive number of seconds") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        // The limit is for the whole command: reading the scenario counts, and a little is kept for writing.
        let clock = Stopwatch()
        let instance = try loadInstance(scenario)
        var logger = Logger(label: "rota")
        logger.logLevel = verbose ? .debug : .warning
        if let lp = writeLP {
            do { try LPExport.write(instance, to: lp, maxNonzeros: lpMaxNonzeros) } catch let e as LPExport.TooLarge {
                printError("\(scenario): --write-lp \(lp): \(e)"); throw Exit.invalidInput
            }
        }
        let runner = SolveRunner(logger: logger)
        let outcome = runner.solve(instance, choice: solver, options: idle.applied(to: SolveOptions(timeLimit: max(0.5, timeLimit * 0.98 - clock.seconds), seed: seed, threads: threads)))
        if verbose {
            for attempt in outcome.attempts {
                for note in attempt.notes { logger.debug("\(attempt.solver): \(note)") }
            }
        }
        let data = try outcome.document.jsonData()
        if let output {
            do { try DocumentLoader.writeAtomically(data, to: output) } catch let e as InputError {
                printError(e.description); throw Exit.solverFailure
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
        if !quiet { printError(Summary.render(outcome, instance: instance, unassignedShown: verbose ? nil : Summary.unassignedShown)) }
        switch outcome.document.status {
        case "optimal", "feasible": return
        case "infeasible": throw Exit.infeasible
        default: throw Exit.solverFailure
        }
    }
}
