// SPDX-License-Identifier: GPL-3.0-or-later

import Testing
@testable import LinearModel

@Suite struct ValidationTests {
    @Test func validModelHasNoProblems() {
        var model = MIPModel()
        let x = model.addVariable(name: "x", lower: -.infinity, upper: nil)
        let y = model.addVariable(name: "y", lower: 1, upper: 5, kind: .integer)
        model.addConstraint(name: "r", terms: [(x, 1), (y, 1)], sense: .equal, rhs: 2)
        #expect(model.validate() == [])
    }

    @Test func nanAndInfiniteNumbersAreReported() {
        var model = MIPModel()
        let x = model.addVariable(objective: .nan)
        let y = model.addVariable(lower: .nan)
        model.addConstraint(terms: [(x, .infinity), (y, 1)], sense: .lessOrEqual, rhs: 1)
        model.addConstraint(terms: [(x, 1)], sense: .lessOrEqual, rhs: .nan)
        model.objectiveConstant = -.infinity
        let problems = model.validate()
        #expect(problems.count == 5, "\(problems)")
        #expect(problems.contains { $0.contains("objective coefficient is nan") })
        #expect(problems.contains { $0.contains("bound is NaN") })
        #expect(problems.contains { $0.contains("coefficient of x0 is inf") })
        #expect(problems.contains { $0.contains("right-hand side is nan") })
        #expect(problems.contains { $0.contains("objective constant") })
    }

    @Test func boundProblemsAreReported() {
        var model = MIPModel()
        model.addVariable(name: "inverted", lower: 3, upper: 2)
        model.addVariable(name: "fractional", lower: 0.5, upper: 4, kind: .integer)
        model.addVariable(name: "badbinary", lower: 0, upper: 2, kind: .binary)
        model.addVariable(name: "lowerplusinf", lower: .infinity, upper: nil)
        model.addVariable(name: "upperminusinf", lower: -.infinity, upper: -.infinity)
        let problems = model.validate()
        #expect(problems.contains { $0.contains("inverted") && $0.contains("exceeds") })
        #expect(problems.contains { $0.contains("fractional") && $0.contains("fractional bound") })
        #expect(problems.contains { $0.contains("badbinary") })
        #expect(problems.contains { $0.contains("lowerplusinf") && $0.contains("+infinity") })
        #expect(problems.contains { $0.contains("upperminusinf") && $0.contains("-infinity") })
    }

    @Test func namesAreSanitisedAndCheckedForDuplicates() {
        #expect(LPNames.sanitize("x[1,2]") == "x(1,2)")
        #expect(LPNames.sanitize("3rd shift") == "_3rd_shift")
        #expect(LPNames.sanitize("end") == "end_")
        #expect(LPNames.sanitize("Free") == "Free_")
        #expect(LPNames.sanitize("a+b<=c") == "a_b__c")
        #expect(LPNames.sanitize("Zoë") == "Zo_")
        #expect(LPNames.sanitize("") == nil)
        #expect(LPNames.problem(with: "ok_name.1") == nil)
        #expect(LPNames.problem(with: ".x") != nil)
        #expect(LPNames.problem(with: "a b") != nil)

        var model = MIPModel()
        model.addVariable(name: "a")
        model.addVariable(name: "a")           // duplicate
        model.addVariable()                    // x2, generated
        model.addVariable(name: "x2")          // collides with the generated name of variable 2
        model.addVariable(name: String(repeating: "n", count: 256))
        let c = model.addConstraint(name: "row[1]", terms: [], sense: .lessOrEqual, rhs: 0)
        #expect(model.name(of: c) == "row(1)")
        let problems = model.validate()
        #expect(problems.contains { $0.contains("'a' is used by variables 0 and 1") }, "\(problems)")
        #expect(problems.contains { $0.contains("generated name of unnamed variable 2") })
        #expect(problems.contains { $0.contains("longer than 255") })
        #expect(problems.count == 3, "\(problems)")
    }

    @Test func messagesAreCapped() {
        var model = MIPModel()
        for _ in 0..<100 { model.addVariable(lower: 1, upper: 0) }
        let problems = model.validate(limit: 10)
        #expect(problems.count == 11)
        #expect(problems.last == "… and 90 more problems")
    }
}
