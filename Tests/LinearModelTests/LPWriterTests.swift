// SPDX-License-Identifier: GPL-3.0-or-later

import Testing
@testable import LinearModel

@Suite struct LPWriterTests {
    @Test func writesAllSectionsDeterministically() {
        var model = MIPModel(sense: .maximize)
        let a = model.addVariable(name: "a", lower: 0, upper: nil, objective: 3)
        let b = model.addVariable(name: "b", lower: -.infinity, upper: 8, kind: .integer, objective: -2.5)
        let c = model.addBinary(name: "c", objective: 1)
        let d = model.addVariable(name: "d", lower: -.infinity, upper: nil)
        let e = model.addVariable(name: "e", lower: 2, upper: 2)
        let f = model.addVariable(name: "f", lower: 1.5, upper: nil, objective: 1e-7)
        let g = model.addVariable(name: "g", lower: 1, upper: 1, kind: .binary)
        model.objectiveConstant = -4
        model.addConstraint(name: "cap", terms: [(a, 1), (b, 2), (c, -1)], sense: .lessOrEqual, rhs: 10)
        model.addConstraint(terms: [(d, 1), (e, 1), (f, 0.25)], sense: .greaterOrEqual, rhs: -3)
        model.addConstraint(name: "fix", terms: [(a, 1), (g, 1)], sense: .equal, rhs: 1)
        model.addConstraint(name: "empty", terms: [], sense: .lessOrEqual, rhs: 5)

        let expected = """
        \\ test
        Maximize
         obj: + 3 a - 2.5 b + c + 1e-07 f - 4 _obj_constant
        Subject To
         cap: + a + 2 b - c <= 10
         c1: + d + e + 0.25 f >= -3
         fix: + a + g = 1
         empty: 0 a <= 5
        Bounds
         -inf <= b <= 8
         d free
         e = 2
         f >= 1.5
         g = 1
         _obj_constant = 1
        General
         b g
        Binary
         c
        End

        """
        let text = LPWriter.string(for: model, comment: "test")
        #expect(text == expected)
        #expect(LPWriter.string(for: model, comment: "test") == text)
    }

    @Test func longRowsAndLongNamesWrapBelowTheLimit() {
        var model = MIPModel()
        let long = String(repeating: "v", count: 255)
        var variables = [model.addVariable(name: long, objective: 1)]
        for j in 0..<2_000 { variables.append(model.addVariable(name: "var_\(j)", objective: 1.000_000_1)) }
        model.addConstraint(name: String(repeating: "r", count: 255), variables: variables,
                            coefficients: variables.indices.map { -1.234_567_890_123 * Double($0 + 1) },
                            sense: .greaterOrEqual, rhs: -1e9)
        #expect(model.validate().isEmpty)
        let text = LPWriter.string(for: model)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.utf8.count <= LPWriter.maximumLineLength })
        #expect(lines.count > 50)
        // Every name still appears intact.
        let tokens = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        #expect(tokens.contains(long))
        #expect(tokens.contains("var_1999"))
    }

    @Test func numbersRoundTrip() {
        for value in [0.1, 1.0 / 3.0, -2.5e-12, 123_456_789.123, 1e20, -7.0, 4_503_599_627_370_497.0] {
            let text = LPWriter.number(value)
            #expect(Double(text) == value, "\(value) -> \(text)")
        }
        #expect(LPWriter.number(-0.0) == "0")
        #expect(LPWriter.number(42) == "42")
    }
}
