import Foundation
import Testing
import RotaChecker
import RotaModel

/// The worked examples in ../shared/spec/examples: the checker must conclude what expected.json says.
@Suite("Shared worked examples") struct SharedExamplesTests {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/spec/examples")

    struct Expected: Decodable {
        var valid: Bool; var violatedRules: [String]; var objective: Int; var terms: Terms
        var objectiveMismatch: Bool; var scenario: String
    }

    static func cases() -> [String] {
        guard let data = try? Data(contentsOf: dir.appendingPathComponent("expected.json")),
              let map = try? JSONDecoder().decode([String: Expected].self, from: data) else { return [] }
        return map.keys.sorted()
    }

    @Test(arguments: cases())
    func verdictMatches(_ variant: String) throws {
        let map = try JSONDecoder().decode([String: Expected].self, from: Data(contentsOf: Self.dir.appendingPathComponent("expected.json")))
        let exp = try #require(map[variant])
        let inst = try Instance.load(path: Self.dir.appendingPathComponent(exp.scenario).path)
        let doc = try SolutionDocument.read(Data(contentsOf: Self.dir.appendingPathComponent(variant)), file: variant)
        let r = Checker.check(doc, in: inst)
        #expect(r.isValid == exp.valid)
        #expect(r.violatedRules == exp.violatedRules)
        #expect(r.objective.total == exp.objective)
        #expect(r.objective.terms == exp.terms)
        #expect(r.objectiveMismatch == exp.objectiveMismatch)
        #expect(r.otherProblems.isEmpty)
    }

    @Test func examplesArePresent() {
        #expect(Self.cases().count == 42)
    }
}
