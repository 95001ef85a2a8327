import ArgumentParser
import Foundation
import RotaModel
import RotaChecker

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a solution against its scenario: every hard rule, every objective term.",
        discussion: "Exit 0 when the rota is valid and its stated objective is right, 1 otherwise, 2 for unreadable input.")

    @Argument(help: "The scenario (rota-scenario/1).") var scenario: String
    @Argument(help: "The solution (rota-solution/1).") var solution: String
    @Flag(help: "Print the verdict as JSON.") var json = false

    func run() throws {
        let inst = try loadInstance(scenario)
        let doc = try loadSolution(solution)
        let report = Checker.check(doc, in: inst)
        if json {
            print(try CheckJSON.render(report))
        } else {
            print(CheckText.render(report, solution: solution))
        }
        if !report.isValid { throw Exit.invalidRota }
    }
}

enum CheckJSON {
    struct Output: Encodable {
        var valid: Bool
        var violatedRules: [String]
        var objective: Int
        var terms: Terms
        var objectiveMismatch: Bool
        var statedObjective: Int?
        var otherProblems: [String]
        var violations: [Violation]
    }

    static func render(_ r: CheckReport) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let out = Output(valid: r.isValid, violatedRules: r.violatedRules, objective: r.objective.total,
                         terms: r.objective.terms, objectiveMismatch: r.objectiveMismatch,
                         statedObjective: r.statedObjective, otherProblems: r.otherProblems, violations: r.violations)
        return String(decoding: try enc.encode(out), as: UTF8.self)
    }
}

enum CheckText {
    static func render(_ r: CheckReport, solution: String) -> String {
        var lines: [String] = []
        lines.append("\(solution): \(r.isValid ? "VALID" : "INVALID")")
        if !r.violations.isEmpty {
            lines.append("Hard rules broken (\(r.violations.count)):")
            for v in r.violations { lines.append("  \(v.rule)  \(v.message)") }
        }
        if !r.otherProblems.isEmpty {
            lines.append("Problems in the solution file:")
            for p in r.otherProblems { lines.append("  \(p)") }
        }
        lines.append("Objective \(r.objective.total)" + (r.objectiveMismatch ? " (the file states \(r.statedObjective.map(String.init) ?? "none"): MISMATCH)" : ""))
        for (name, value) in zip(Terms.names, r.objective.terms.values) {
            lines.append("  \(name.padding(toLength: 11, withPad: " ", startingAt: 0)) \(value)")
        }
        return lines.joined(separator: "\n")
    }
}
