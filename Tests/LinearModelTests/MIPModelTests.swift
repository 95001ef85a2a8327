// SPDX-License-Identifier: GPL-3.0-or-later

import Testing
@testable import LinearModel

@Suite struct MIPModelTests {
    @Test func defaultsAndCounts() {
        var model = MIPModel()
        #expect(model.sense == .minimize)
        let x = model.addVariable(name: "x", lower: 0, upper: 4, kind: .integer, objective: 1)
        let y = model.addBinary(name: "y", objective: -2)
        let z = model.addVariable()
        #expect(model.numVariables == 3)
        #expect(model.upperBound(of: y) == 1)
        #expect(model.upperBound(of: z) == .infinity)
        #expect(model.lowerBound(of: z) == 0)
        #expect(model.kind(of: x) == .integer)
        #expect(model.numIntegerVariables == 2)
        #expect(model.name(of: z) == "x2")
        model.addConstraint(terms: [(x, 1), (y, 1)], sense: .lessOrEqual, rhs: 3)
        #expect(model.numConstraints == 1)
        #expect(model.numNonzeros == 2)
        #expect(model.name(of: Constraint(index: 0)) == "c0")
    }

    @Test func duplicateTermsAreSummedInShortRows() {
        var model = MIPModel()
        let x = model.addVariable(), y = model.addVariable(), z = model.addVariable()
        let c = model.addConstraint(terms: [(x, 1), (y, 2), (x, 3), (z, 1), (z, -1)], sense: .equal, rhs: 1)
        let row = model.row(c)
        #expect(Array(row.columns) == [0, 1])  // z cancelled to zero and was dropped
        #expect(Array(row.coefficients) == [4, 2])
    }

    @Test func duplicateTermsAreSummedInLongRows() {
        var model = MIPModel()
        let variables = (0..<50).map { _ in model.addVariable() }
        // Every variable three times, coefficients 1, 2, 3 -> 6 each; variable 7 also gets -6 -> dropped.
        var vars: [Variable] = []
        var coefs: [Double] = []
        for round in 1...3 {
            for v in variables { vars.append(v); coefs.append(Double(round)) }
        }
        vars.append(variables[7]); coefs.append(-6)
        let c = model.addConstraint(variables: vars, coefficients: coefs, sense: .lessOrEqual, rhs: 10)
        let row = model.row(c)
        #expect(row.columns.count == 49)
        #expect(!row.columns.contains(7))
        #expect(row.coefficients.allSatisfy { $0 == 6 })
        // A second long row reuses the scratch space correctly.
        let d = model.addConstraint(variables: Array(vars.prefix(60)), coefficients: Array(coefs.prefix(60)),
                                    sense: .greaterOrEqual, rhs: 0)
        #expect(model.row(d).columns.count == 50)
        #expect(model.row(d).coefficients.reduce(0, +) == 70)  // 50 × 1 + 10 × 2
    }

    @Test func expressionConstantMovesToRightHandSide() {
        var model = MIPModel()
        let x = model.addVariable(), y = model.addVariable()
        let expression = 2 * x + y - x + 5.0     // x + y + 5
        let c = model.addConstraint(expression, sense: .lessOrEqual, rhs: 8)
        #expect(model.rhs(of: c) == 3)
        #expect(Array(model.row(c).coefficients) == [1, 1])
        var objective: LinearExpression = [x, y].sum()
        objective += 3.0
        model.setObjective(objective, sense: .maximize)
        #expect(model.objectiveCoefficients == [1, 1])
        #expect(model.objectiveConstant == 3)
        #expect(model.sense == .maximize)
        #expect(model.objectiveValue(at: [2, 4]) == 9)
    }

    @Test func buildsLargeModelQuickly() {
        // 200k variables, 100k rows of 5 terms = 500k nonzeros.
        let clock = ContinuousClock()
        var model = MIPModel()
        let elapsed = clock.measure {
            model.reserveCapacity(variables: 200_000, constraints: 100_000, nonzeros: 500_000)
            for j in 0..<200_000 {
                model.addVariable(lower: 0, upper: 1, kind: .binary, objective: Double(j % 7))
            }
            var vars = [Variable](repeating: Variable(index: 0), count: 5)
            let coefs: [Double] = [1, 2, 3, 4, 5]
            for i in 0..<100_000 {
                for k in 0..<5 { vars[k] = Variable(index: (i * 2 + k * 7919) % 200_000) }
                model.addConstraint(variables: vars, coefficients: coefs, sense: .lessOrEqual, rhs: 7)
            }
        }
        #expect(model.numVariables == 200_000)
        #expect(model.numNonzeros == 500_000)
        // Debug builds are several times slower than release; the release figure is well under a second.
        #expect(elapsed < .seconds(5), "building took \(elapsed)")
        let validation = clock.measure { #expect(model.validate().isEmpty) }
        #expect(validation < .seconds(5), "validation took \(validation)")
    }
}

@Suite struct ExpressionTests {
    @Test func operatorsBuildAffineExpressions() {
        var model = MIPModel()
        let x = model.addVariable(), y = model.addVariable()
        let e = -(x - y) * 2 + 3 * y - 1.5      // -2x + 2y + 3y - 1.5
        #expect(e.value(at: [1, 2]) == -2 + 10 - 1.5)
        let c = model.addConstraint(terms: e, sense: .greaterOrEqual, rhs: 0)
        #expect(Array(model.row(c).columns) == [0, 1])
        #expect(Array(model.row(c).coefficients) == [-2, 5])
        #expect(model.rhs(of: c) == 1.5)
    }
}
