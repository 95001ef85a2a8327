import ArgumentParser
import Foundation
import RotaModel
import RotaChecker

@main
struct Rota: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rota",
        abstract: "Weekly rotas for social-care teams: solve, check, explain, compare what-ifs, re-optimise, export.",
        discussion: """
        Exit codes: 0 success (check: valid), 1 check found the rota invalid, 2 invalid input,
        3 infeasible, 4 solver failure. reoptimise: 0 no change, 10 changed.
        """,
        subcommands: [SolveCommand.self, CheckCommand.self, ValidateCommand.self, ExplainCommand.self, WhatIfCommand.self,
                      ReoptimiseCommand.self, ExportCommand.self, ImportCommand.self, BoundCommand.self])
}

/// Exit codes shared by every command (documented in the README).
enum Exit {
    static let invalidRota = ExitCode(1)
    static let invalidInput = ExitCode(2)
    static let infeasible = ExitCode(3)
    static let solverFailure = ExitCode(4)
    static let changed = ExitCode(10)
}

func printError(_ text: String) {
    FileHandle.standardError.write((text + "\n").data(using: .utf8)!)
}

/// Runs `body`, turning input errors into exit code 2 with every problem listed on stderr.
func withInputErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as InputError {
        printError(e.description)
        throw Exit.invalidInput
    }
}

func loadInstance(_ path: String) throws -> Instance {
    try withInputErrors {
        let (inst, warnings) = try Instance.loadWithWarnings(path: path)
        for w in warnings { printError("warning: \(path) \(w.path): \(w.message)") }
        return inst
    }
}

func loadSolution(_ path: String) throws -> SolutionDocument {
    try withInputErrors { try SolutionDocument.read(try readFile(path), file: path) }
}

/// The bytes of `path`, or an input error naming it.
func readFile(_ path: String) throws -> Data {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw InputError(file: path, diagnostics: [Diagnostic("$", "cannot read the file: check the path and permissions")])
    }
    return data
}

/// The UTF-8 text of `path`, or an input error naming it.
func readText(_ path: String) throws -> String {
    guard let text = String(data: try readFile(path), encoding: .utf8) else {
        throw InputError(file: path, diagnostics: [Diagnostic("$", "the file is not UTF-8 text")])
    }
    return text
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Validate a scenario file; list every problem with its JSON path.")
    @Argument(help: "The scenario (rota-scenario/1, JSON or YAML).") var scenario: String

    func run() throws {
        let inst = try loadInstance(scenario)
        print("\(scenario): valid — \(inst.workers.count) workers, \(inst.sessions.count) sessions, \(inst.shifts.count) shifts, \(inst.days) days")
    }
}

/// `--max-idle-moves`, shared by the commands that solve: the native search stops after that many
/// moves without a new best rota, so a run that stops that way gives the same rota every time.
struct IdleMovesOption: ParsableArguments {
    @Option(name: .customLong("max-idle-moves"),
            help: "Stop the native solver's search after this many moves without a better rota (default: only the time limit stops it). A search that stops this way before the limit gives the same rota on every run with the same seed.")
    var maxIdleMoves: Int?

    func validate() throws {
        if let n = maxIdleMoves, n <= 0 { throw ValidationError("--max-idle-moves must be a positive number of moves") }
    }

    /// `options` with this setting.
    func applied(to options: SolveOptions) -> SolveOptions {
        var o = options
        o.maxIdleMoves = maxIdleMoves
        return o
    }
}
