import Foundation
import Testing
import LinearModel
import RotaChecker
import RotaMIP
import RotaModel
import RotaWorkflows

/// `rota import lp-values`: another solver's point of the integer program becomes a rota.
@Suite struct LPValuesTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let runner = SolveRunner(backends: WorkflowBackends.native(maxIdleMoves: 400, localSearch: false))

    /// The point of a rota, written as `name value` lines (with a comment, a blank line and the LP
    /// file's constant column), reads back as the same rota: same sessions and shifts, same verdict
    /// and objective.
    @Test(arguments: ["family-time-week.json", "small/transport.json"])
    func aRotasValuesReadBackAsThatRota(_ name: String) throws {
        let inst = try Instance.load(path: Self.repo.appendingPathComponent("examples/\(name)").path)
        let out = Self.runner.solve(inst, choice: .greedy, options: SolveOptions(timeLimit: 5, seed: 1))
        let rota = try #require(out.attempts.compactMap(\.assignment).first)
        let f = RotaFormulation.buildModel(inst, names: true)
        let point = try #require(f.point(for: rota))
        var text = "# values of \(name)\n\n\(LPWriter.constantColumnBaseName) 1\n"
        for (j, v) in point.enumerated() where v != 0 { text += "\(f.model.name(of: Variable(index: j))) \(v)\n" }
        let back = try LPExport.assignment(fromValues: text, file: "values.txt", instance: inst)
        #expect(back.sessions == rota.sessions)
        #expect(back.shiftWorkers.map { Set($0) } == rota.shiftWorkers.map { Set($0) })
        let (a, b) = (Checker.check(rota, in: inst), Checker.check(back, in: inst))
        #expect(a.isFeasible && b.isFeasible)
        #expect(a.objective.total == b.objective.total)
    }

    /// Every bad line is named: too many fields, an unknown column, a value that is not a number,
    /// a column given twice.
    @Test func badLinesAreNamed() throws {
        let inst = try Instance.load(path: Self.repo.appendingPathComponent("examples/small/tiny.json").path)
        let model = RotaFormulation.buildModel(inst, names: true).model
        let (a, b, c) = (model.name(of: Variable(index: 0)), model.name(of: Variable(index: 1)), model.name(of: Variable(index: 2)))
        let text = "\(a) 1\n\(b) 1 extra\nnot-a-column 1\n\(c) lots\n\(a) 0\r\n"
        do {
            _ = try LPExport.assignment(fromValues: text, file: "bad.txt", instance: inst)
            Issue.record("bad values were accepted")
        } catch let e as InputError {
            #expect(e.file == "bad.txt")
            #expect(e.diagnostics.map(\.path) == ["line 2", "line 3", "line 4", "line 5"])
            #expect(e.diagnostics[1].message.contains("no column not-a-column"))
            #expect(e.diagnostics[3].message.contains("given twice"))
        }
    }
}
