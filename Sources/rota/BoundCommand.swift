import ArgumentParser
import Foundation
import RotaChecker
import RotaModel
import RotaWorkflows

struct BoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bound",
        abstract: "Prove a lower bound on every rota's objective (pure shift rostering).",
        discussion: """
        Column generation's root: the master LP over every worker's possible horizons, priced exactly until \
        no horizon would lower it. No rota of the scenario has an objective below the bound, so no rota is \
        further from the best possible than it is from the bound. Scenarios with sessions, \
        fairness terms, a baseline or pinned work are not modelled exactly this way and get no bound.
        Exit codes: 0 a bound was proved, 2 invalid input, 4 no bound (the reason is on stderr).
        """)

    @Argument(help: "The scenario (rota-scenario/1, JSON or YAML).") var scenario: String
    @Option(name: .customLong("time-limit"), help: "Seconds for the whole command.") var timeLimit: Double = 300
    @Option(help: "Labels exact pricing may make for one worker in one round; beyond them it proves nothing that round.")
    var labels: Int = LowerBound.defaultLabelLimit
    @Option(help: "Write the result as JSON here (atomically) as well.") var output: String?
    @Option(help: "Seed for the native solver's start.") var seed: UInt64 = 1
    @Option(help: "Threads pricing workers side by side.") var threads: Int = 2

    func validate() throws {
        if timeLimit <= 0 || !timeLimit.isFinite { throw ValidationError("--time-limit must be a positive number of seconds") }
        if labels < 1 { throw ValidationError("--labels must be at least 1") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    /// The JSON `--output` writes.
    struct Document: Encodable {
        let scenario: String
        /// The proved bound, and the least whole objective it allows (objectives are whole numbers).
        let bound: Double?
        let leastObjective: Int?
        let lpObjective: Double?
        let converged: Bool
        let rounds: Int
        let patterns: Int
        let seconds: Double
        let startObjective: Int
        let note: String?
    }

    func run() throws {
        let clock = Stopwatch()
        let instance = try loadInstance(scenario)
        let report: LowerBound.Report
        switch LowerBound.compute(instance, timeLimit: max(0.5, timeLimit * 0.98 - clock.seconds), labelLimit: labels,
                                  seed: seed, threads: threads) {
        case .failure(let f):
            printError("\(scenario): \(f)")
            throw Exit.solverFailure
        case .success(let r):
            report = r
        }
        let root = report.root
        let seconds = clock.seconds
        if let output {
            let doc = Document(scenario: scenario, bound: root.bound, leastObjective: root.bound.map { leastWholeObjective(bound: $0) },
                               lpObjective: root.lpObjective, converged: root.converged, rounds: root.rounds,
                               patterns: root.patterns, seconds: (seconds * 100).rounded() / 100,
                               startObjective: report.startObjective, note: root.note)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            do { try DocumentLoader.writeAtomically(try encoder.encode(doc) + Data("\n".utf8), to: output) } catch let e as InputError {
                printError(e.description); throw Exit.solverFailure
            }
        }
        let done = String(format: "%.1f s, %d pricing rounds, %d patterns", seconds, root.rounds, root.patterns)
        guard let b = root.bound else {
            printError("\(scenario): no bound: \(root.note ?? "exact pricing did not complete") (\(done)); a rota of objective \(report.startObjective) exists")
            throw Exit.solverFailure
        }
        print(String(format: "lower bound %d (%.2f%@): no rota's objective is below it; the native solver's start has %d",
                     leastWholeObjective(bound: b), b, root.converged ? ", converged" : "", report.startObjective))
        print("  " + done + (root.note.map { "; \($0), so the relaxation's own bound may be higher" } ?? ""))
    }
}
