import ArgumentParser
import Foundation
import RotaChecker
import RotaModel
import RotaWorkflows

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a rota: ics (one calendar per worker), csv, html (printable weekly page).",
        discussion: "Every file is written atomically. Cases appear by id only. Exit codes: 0 written, 2 invalid input, 4 cannot write.",
        subcommands: [ExportICSCommand.self, ExportCSVCommand.self, ExportHTMLCommand.self])
}

/// Reads the scenario and the solution, refusing a solution that names unknown items.
private func loadPair(_ scenario: String, _ solution: String) throws -> (Instance, SolutionDocument) {
    let inst = try loadInstance(scenario)
    let doc = try loadSolution(solution)
    _ = try withInputErrors { try WorkflowSupport.assignment(doc, inst, file: solution) }
    return (inst, doc)
}

private func write(_ text: String, to path: String) throws {
    do { try DocumentLoader.writeAtomically(Data(text.utf8), to: path) } catch let e as InputError {
        printError(e.description); throw Exit.solverFailure
    }
}

struct ExportICSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "One iCalendar file per worker (RFC 5545), with SEQUENCE and cancellations against --previous.")

    @Argument(help: "The scenario.") var scenario: String
    @Argument(help: "The solution.") var solution: String
    @Option(help: "The folder to write <worker>.ics files into (created if missing).") var output: String
    @Option(help: "The rota exported last time: changed assignments get a higher SEQUENCE, removed ones a CANCELLED event.") var previous: String?

    func run() throws {
        let (inst, doc) = try loadPair(scenario, solution)
        let prev = try previous.map { try loadSolution($0) }
        do { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) } catch {
            printError("\(output): cannot create the folder: \(error.localizedDescription)"); throw Exit.solverFailure
        }
        var seqs: [String: Int] = [:]
        for w in inst.workers {
            let path = (output as NSString).appendingPathComponent(ExportICS.fileName(w.id))
            if let d = FileManager.default.contents(atPath: path), let text = String(data: d, encoding: .utf8) {
                seqs.merge(ExportICS.sequences(in: text)) { max($0, $1) }
            }
        }
        let files = ExportICS.files(doc, instance: inst, previous: prev, existingSequences: seqs)
        for f in files { try write(f.content, to: (output as NSString).appendingPathComponent(f.name)) }
        printError("wrote \(files.count) calendar\(files.count == 1 ? "" : "s") to \(output)")
    }
}

struct ExportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "csv", abstract: "A row per worker and activity (RFC 4180).")
    @Argument(help: "The scenario.") var scenario: String
    @Argument(help: "The solution.") var solution: String
    @Option(help: "The CSV file to write.") var output: String

    func run() throws {
        let (inst, doc) = try loadPair(scenario, solution)
        try write(ExportCSV.render(doc, instance: inst), to: output)
    }
}

struct ExportHTMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "html", abstract: "A printable, self-contained weekly rota page.")
    @Argument(help: "The scenario.") var scenario: String
    @Argument(help: "The solution.") var solution: String
    @Option(help: "The HTML file to write.") var output: String

    func run() throws {
        let (inst, doc) = try loadPair(scenario, solution)
        try write(ExportHTML.render(doc, instance: inst), to: output)
    }
}
