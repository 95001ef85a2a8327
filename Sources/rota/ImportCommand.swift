import ArgumentParser
import Foundation
import RotaChecker
import RotaModel
import RotaWorkflows

/// `rota import ...`: converts other formats into rota scenarios (and other solvers' answers into rotas).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert other formats: a benchmark instance into a scenario, another solver's answer into a rota.",
        subcommands: [ImportCurtoisCommand.self, ImportLPValuesCommand.self])
}

/// `rota import curtois InstanceN.txt [--output FILE]`.
struct ImportCurtoisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curtois",
        abstract: "Convert a Curtois & Qu shift scheduling benchmark instance (InstanceN.txt) into a rota scenario.",
        discussion: """
        The scenario's objective equals the benchmark's (request and cover penalties). Day 0 is
        Monday 2024-01-01, the time zone UTC (every day 24 h), shift ids <type>-d<day>, for
        example D-d003. Exit 2 with every problem listed (file and line) for a malformed file.
        """)

    @Argument(help: "The instance file (InstanceN.txt, CRLF or LF).") var instance: String
    @Option(name: .shortAndLong, help: "Write the scenario to this file (atomically) instead of stdout.") var output: String?
    @Option(help: "The scenario's name (default: the file name without its extension).") var name: String?

    func run() throws {
        let scenarioName = name ?? URL(fileURLWithPath: instance).deletingPathExtension().lastPathComponent
        let value = try withInputErrors { try CurtoisImport.parse(try readText(instance), file: instance, name: scenarioName) }
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var json = try enc.encode(value)
        json.append(0x0A)
        if let output {
            try withInputErrors { try DocumentLoader.writeAtomically(json, to: output) }
        } else {
            FileHandle.standardOutput.write(json)
        }
    }
}

/// `rota import lp-values SCENARIO VALUES [--output FILE]`.
struct ImportLPValuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lp-values",
        abstract: "Turn another solver's answer to the integer program of `rota solve --write-lp` into a rota-solution/1 document.",
        discussion: """
        VALUES has one `name value` pair a line, the column names of the LP file (`#` starts a
        comment; columns not listed are 0). The solution's objective and terms are the checker's; the
        rota is written even when it breaks a rule, so that `rota check` and `rota explain` can say
        which. Exit 0 when it is valid, 1 when it breaks a rule, 2 for unreadable input.
        """)

    @Argument(help: "The scenario (rota-scenario/1) the LP file was written from.") var scenario: String
    @Argument(help: "The solver's column values (`name value` a line).") var values: String
    @Option(name: .shortAndLong, help: "Write the solution to this file (atomically) instead of stdout.") var output: String?

    func run() throws {
        let instance = try loadInstance(scenario)
        let assignment = try withInputErrors { try LPExport.assignment(fromValues: try readText(values), file: values, instance: instance) }
        let report = Checker.check(assignment, in: instance)
        let doc = SolutionWriter.document(for: assignment, in: instance, status: report.isFeasible ? "feasible" : "error",
                                          solver: "lp-values", bound: nil, seconds: 0,
                                          notes: ["read from \(URL(fileURLWithPath: values).lastPathComponent)"])
        let data = try doc.jsonData()
        if let output {
            try withInputErrors { try DocumentLoader.writeAtomically(data, to: output) }
        } else {
            FileHandle.standardOutput.write(data)
        }
        printError(report.isFeasible ? "valid rota: objective \(report.objective.total)"
                                     : "the rota breaks " + report.violatedRules.joined(separator: ", "))
        if !report.isFeasible { throw Exit.invalidRota }
    }
}
