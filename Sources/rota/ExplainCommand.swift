import ArgumentParser
import Foundation
import RotaChecker
import RotaModel
import RotaWorkflows

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rota for the coordinator: worker × day table, why sessions are unassigned, soft costs, hours and fair shares.",
        discussion: """
        Every figure is the checker's, recomputed from the scenario and the solution. Reasons for an
        unassigned session are the solver's when the solution has them, else computed from the rota.
        Cases are named by id only. Exit codes: 0 explained (also for an invalid rota: the report says so), 2 invalid input.
        """)

    @Argument(help: "The scenario (rota-scenario/1, JSON or YAML).") var scenario: String
    @Argument(help: "The solution (rota-solution/1).") var solution: String
    @Flag(help: "Write Markdown instead of plain text.") var markdown = false

    func run() throws {
        let inst = try loadInstance(scenario)
        let doc = try loadSolution(solution)
        print(Explain.render(doc, instance: inst, options: .init(markdown: markdown)), terminator: "")
    }
}
