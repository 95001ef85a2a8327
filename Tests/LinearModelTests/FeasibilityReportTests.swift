// SPDX-License-Identifier: GPL-3.0-or-later

import Testing
import LinearModel

@Suite struct FeasibilityReportTests {
    private func smallModel() -> MIPModel {
        var model = MIPModel(sense: .maximize)
        let x = model.addVariable(name: "x", lower: 0, upper: 10, kind: .integer, objective: 3)
        let y = model.addVariable(name: "y", lower: 0, upper: nil, objective: 2)
        model.addConstraint(name: "cap", terms: [(x, 1), (y, 1)], sense: .lessOrEqual, rhs: 4)
        model.addConstraint(name: "min", terms: [(x, 1)], sense: .greaterOrEqual, rhs: 1)
        model.addConstraint(name: "eq", terms: [(x, 1), (y, -1)], sense: .equal, rhs: 0)
        model.objectiveConstant = 1
        return model
    }

    @Test func feasiblePointHasNoViolations() {
        let report = evaluate(smallModel(), [2, 2])
        #expect(report.isFeasible)
        #expect(report.objective == 11)
    }

    @Test func violatedRowIsFlaggedWithActivityAndRhs() {
        let report = evaluate(smallModel(), [3, 3])
        #expect(!report.isFeasible)
        #expect(report.violatedRows.count == 1)
        let violation = report.violatedRows[0]
        #expect(violation.row == Constraint(index: 0))
        #expect(violation.activity == 6)
        #expect(violation.rhs == 4)
        #expect(violation.amount == 2)
        #expect(report.objective == 16)
    }

    @Test func equalityBoundsAndIntegralityAreChecked() {
        let report = evaluate(smallModel(), [0.5, 11])
        // cap (11.5 > 4), min (0.5 < 1), eq (|0.5 - 11| > 0)
        #expect(report.violatedRows.map(\.row.index) == [0, 1, 2])
        #expect(report.violatedVariables.map(\.reason) == [.fractional])
        let outOfBounds = evaluate(smallModel(), [11, -1])
        #expect(outOfBounds.violatedVariables.map(\.reason) == [.aboveUpper, .belowLower])
    }

    @Test func toleranceIsRelativeToRhs() {
        var model = MIPModel()
        let x = model.addVariable(lower: -.infinity)
        model.addConstraint(terms: [(x, 1)], sense: .lessOrEqual, rhs: 1_000_000)
        #expect(evaluate(model, [1_000_000.5]).isFeasible)           // 0.5 <= 1e-6 * 1e6
        #expect(!evaluate(model, [1_000_002]).isFeasible)
        #expect(!evaluate(model, [Double.nan]).isFeasible)
    }
}
