// SPDX-License-Identifier: GPL-3.0-or-later

import Testing
import LinearModel
@testable import GLPKSolver

/// Tiny models with known answers; every test checks the outcome, not just that GLPK ran.
@Suite struct ConformanceTests {
    static let solvers: [GLPKSolver] = [
        GLPKSolver(),                                                      // presolve on (default)
        GLPKSolver(options: GLPKOptions(presolve: false)),
        GLPKSolver(options: GLPKOptions(branching: .mostFractional, backtracking: .depthFirst, cuts: .all)),
    ]

    @Test(arguments: solvers)
    func knapsackReachesKnownOptimum(solver: GLPKSolver) throws {
        let knapsack = Fixtures.Knapsack.small
        let (model, items) = knapsack.model()
        let result = try solver.solve(model)
        #expect(result.termination == .optimal)
        #expect(result.primalStatus == .feasiblePoint)
        #expect(result.objective == Double(knapsack.optimum))
        #expect(result.bound == result.objective)
        let values = try #require(result.values)
        #expect(values.allSatisfy { $0 == 0 || $0 == 1 })  // rounded exactly
        #expect(evaluate(model, values).isFeasible)
        let weight = items.reduce(0) { $0 + Int(values[$1.index]) * knapsack.weights[$1.index] }
        #expect(weight <= knapsack.capacity)
    }

    @Test(arguments: solvers)
    func assignmentWithEqualitiesReachesKnownOptimum(solver: GLPKSolver) throws {
        let problem = Fixtures.Assignment.fiveByFive
        let (model, x) = problem.model()
        let result = try solver.solve(model)
        #expect(result.termination == .optimal)
        #expect(result.objective == Double(problem.optimum))
        let values = try #require(result.values)
        #expect(evaluate(model, values).isFeasible)
        for row in x { #expect(row.reduce(0) { $0 + values[$1.index] } == 1) }
    }

    @Test(arguments: solvers)
    func mixedBoundsModelReachesHandComputedOptimum(solver: GLPKSolver) throws {
        let model = Fixtures.mixedBounds()
        let result = try solver.solve(model)
        #expect(result.termination == .optimal)
        let objective = try #require(result.objective)
        #expect(abs(objective - (-0.625)) < 1e-9)
        let values = try #require(result.values)
        #expect(evaluate(model, values).isFeasible)
        #expect(values[1] == -5)   // b
        #expect(values[4] == 1)    // e
        #expect(abs(values[0] - 4.25) < 1e-9)
    }

    @Test(arguments: solvers)
    func infeasibleModelsAreReportedInfeasible(solver: GLPKSolver) throws {
        // LP-infeasible: x + y >= 3 and x + y <= 2.
        var lp = MIPModel()
        let x = lp.addVariable(), y = lp.addVariable()
        lp.addConstraint(terms: [(x, 1), (y, 1)], sense: .greaterOrEqual, rhs: 3)
        lp.addConstraint(terms: [(x, 1), (y, 1)], sense: .lessOrEqual, rhs: 2)
        let lpResult = try solver.solve(lp)
        #expect(lpResult.termination == .infeasible)
        #expect(lpResult.primalStatus == .noPoint)
        #expect(lpResult.values == nil)

        // Integer-infeasible with a feasible relaxation: 2z = 1, z integer.
        var mip = MIPModel()
        let z = mip.addVariable(lower: 0, upper: 10, kind: .integer, objective: 1)
        let w = mip.addVariable(lower: 0, upper: 10, kind: .integer, objective: 1)
        mip.addConstraint(terms: [(z, 2), (w, 2)], sense: .equal, rhs: 1)
        let mipResult = try solver.solve(mip)
        #expect(mipResult.termination == .infeasible)
        #expect(mipResult.primalStatus == .noPoint)
    }

    @Test(arguments: solvers)
    func unboundedLPIsReportedUnbounded(solver: GLPKSolver) throws {
        var model = MIPModel(sense: .maximize)
        let x = model.addVariable(objective: 1), y = model.addVariable(objective: 1)
        model.addConstraint(terms: [(x, 1), (y, -1)], sense: .lessOrEqual, rhs: 1)
        let result = try solver.solve(model)
        #expect(result.termination == .unbounded)
        #expect(result.primalStatus == .noPoint)
        #expect(result.bound == nil)
    }

    @Test func mipWithUnboundedRelaxationIsNotCalledOptimal() throws {
        var model = MIPModel(sense: .maximize)
        let x = model.addVariable(kind: .integer, objective: 1), y = model.addVariable(kind: .integer, objective: 1)
        model.addConstraint(terms: [(x, 1), (y, -1)], sense: .lessOrEqual, rhs: 1)
        for solver in Self.solvers {
            let result = try solver.solve(model)
            #expect(result.termination == .infeasibleOrUnbounded || result.termination == .unbounded)
        }
        // With a feasible warm start GLPK can tell: integer feasible + unbounded relaxation = unbounded.
        let result = try GLPKSolver().solve(model, warmStart: [0, 0])
        #expect(result.termination == .unbounded)
    }

    @Test func relaxationGivesDantzigBound() throws {
        let knapsack = Fixtures.Knapsack.hard(items: 40, seed: 7)
        let (model, _) = knapsack.model()
        for solver in Self.solvers {
            let result = try solver.solveRelaxation(model)
            #expect(result.termination == .optimal)
            let bound = try #require(result.bound)
            #expect(abs(bound - knapsack.relaxationOptimum) < 1e-6)
            #expect(bound >= Double(knapsack.optimum))
        }
    }

    @Test func objectiveConstantAndEmptyModelAreHandled() throws {
        var model = MIPModel()
        model.objectiveConstant = 5
        let empty = try GLPKSolver().solve(model)
        #expect(empty.termination == .optimal)
        #expect(empty.objective == 5)
        let x = model.addVariable(lower: 2, upper: 3, objective: 1)
        _ = x
        let one = try GLPKSolver().solve(model)
        #expect(one.termination == .optimal)
        #expect(one.objective == 7)
    }
}

extension GLPKSolver: CustomTestStringConvertible {
    public var testDescription: String {
        "presolve=\(options.presolve) branching=\(options.branching) backtracking=\(options.backtracking) cuts=\(options.cuts == .all ? "all" : "none")"
    }
}
