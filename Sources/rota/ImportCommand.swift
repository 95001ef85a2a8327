import ArgumentParser
import Foundation
import RotaModel
import RotaWorkflows

/// `rota import ...`: converts other formats into rota scenarios.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert another format into a rota scenario (rota-scenario/1).",
        subcommands: [ImportCurtoisCommand.self])
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
        let data = try withInputErrors { () throws -> Data in
            guard let data = FileManager.default.contents(atPath: instance) else {
                throw InputError(file: instance, diagnostics: [Diagnostic("$", "cannot read the file: check the path and permissions")])
            }
            return data
        }
        let scenarioName = name ?? URL(fileURLWithPath: instance).deletingPathExtension().lastPathComponent
        let value = try withInputErrors { () throws -> JSONValue in
            guard let text = String(data: data, encoding: .utf8) else {
                throw InputError(file: instance, diagnostics: [Diagnostic("$", "the file is not UTF-8 text")])
            }
            return try CurtoisImport.parse(text, file: instance, name: scenarioName)
        }
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
