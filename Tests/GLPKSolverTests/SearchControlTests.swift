// SPDX-License-Identifier: GPL-3.0-or-later

import Testing
import LinearModel
@testable import GLPKSolver

/// Warm starts, time limits and bounds.
@Suite struct SearchControlTests {
    @Test func warmStartIsAcceptedAndOptimumIsStillReached() throws {
        let knapsack = Fixtures.Knapsack.hard(items: 30, seed: 11)
        let (model, _) = knapsack.model()
        let start = knapsack.greedyPoint
        #expect(evaluate(model, start).isFeasible)
        let result = try GLPKSolver().solve(model, warmStart: start)
        #expect(result.termination == .optimal)
        #expect(result.objective == Double(knapsack.optimum))
        #expect(result.messages.contains { $0.contains("accepted") }, "\(result.messages)")
    }

    /// An exchange that offers a fixed point and records what GLPK reports.
    final class RecordingExchange: IncumbentExchange, @unchecked Sendable {
        let offer: [Double]
        let offerObjective: Double
        private(set) var asked = 0
        private(set) var reports: [([Double], Double)] = []
        init(offer: [Double], objective: Double) { self.offer = offer; self.offerObjective = objective }
        func point(betterThan objective: Double?) -> [Double]? {
            asked += 1
            // Maximising: offer the point only while it beats GLPK's incumbent.
            if let objective, objective >= offerObjective { return nil }
            return offer
        }
        func found(_ point: [Double], objective: Double) { reports.append((point, objective)) }
    }

    /// GLPK takes a better point from the searches beside it as its incumbent, and reports each of
    /// its own incumbents as a feasible point with its true objective.
    @Test func incumbentExchangeGivesAndTakes() throws {
        let knapsack = Fixtures.Knapsack.hard(items: 30, seed: 11)
        let (model, _) = knapsack.model(names: false)
        let optimal = try #require(try GLPKSolver().solve(model).values)
        let exchange = RecordingExchange(offer: optimal, objective: model.objectiveValue(at: optimal))
        var options = GLPKOptions()
        options.exchange = exchange
        options.exchangeInterval = 0
        let result = try GLPKSolver(options: options).solve(model, warmStart: knapsack.greedyPoint)
        #expect(result.termination == .optimal)
        #expect(result.objective == Double(knapsack.optimum))
        #expect(exchange.asked >= 1)
        #expect(result.messages.contains { $0.hasPrefix("incumbent exchange: 1 point(s) taken") }, "\(result.messages)")
        for (point, objective) in exchange.reports {
            #expect(evaluate(model, point).isFeasible)
            #expect(abs(model.objectiveValue(at: point) - objective) < 1e-6)
        }

        // Without anything to offer, GLPK still reports the incumbents it finds, the last one optimal.
        let listener = RecordingExchange(offer: [], objective: .infinity)
        options.exchange = listener
        let alone = try GLPKSolver(options: options).solve(model)
        #expect(alone.objective == Double(knapsack.optimum))
        let last = try #require(listener.reports.last)
        #expect(last.1 == Double(knapsack.optimum))
        #expect(evaluate(model, last.0).isFeasible)
    }

    @Test func optimalWarmStartIsKept() throws {
        let knapsack = Fixtures.Knapsack.small
        let (model, _) = knapsack.model()
        let optimal = try #require(try GLPKSolver().solve(model).values)
        let result = try GLPKSolver(options: GLPKOptions(presolve: false)).solve(model, warmStart: optimal)
        #expect(result.termination == .optimal)
        #expect(result.objective == Double(knapsack.optimum))
    }

    @Test func warmStartBecomesTheIncumbentUnderATightLimit() throws {
        // With a depth-first search and a 1 ms budget GLPK cannot improve much, but the reported point
        // must be at least as good as the warm start and feasible.
        let knapsack = Fixtures.Knapsack.hard(items: 200, seed: 3)
        let (model, _) = knapsack.model(names: false)
        let start = knapsack.greedyPoint
        let startObjective = model.objectiveValue(at: start)
        let options = GLPKOptions(timeLimit: 0.001, backtracking: .depthFirst)
        let result = try GLPKSolver(options: options).solve(model, warmStart: start)
        #expect(result.primalStatus == .feasiblePoint)
        let objective = try #require(result.objective)
        #expect(objective >= startObjective)
        #expect(objective <= Double(knapsack.optimum))
        #expect(evaluate(model, try #require(result.values)).isFeasible)
    }

    @Test func infeasibleWarmStartIsIgnoredWithANote() throws {
        let knapsack = Fixtures.Knapsack.small
        let (model, _) = knapsack.model()
        let everything = [Double](repeating: 1, count: model.numVariables)  // far over capacity
        let result = try GLPKSolver().solve(model, warmStart: everything)
        #expect(result.termination == .optimal)
        #expect(result.objective == Double(knapsack.optimum))
        #expect(result.messages.contains { $0.hasPrefix("warm start ignored: infeasible") }, "\(result.messages)")
    }

    @Test func malformedWarmStartThrows() throws {
        let (model, _) = Fixtures.Knapsack.small.model()
        #expect(throws: GLPKSolverError.self) { try GLPKSolver().solve(model, warmStart: [1, 0]) }
        #expect(throws: GLPKSolverError.self) {
            try GLPKSolver().solve(model, warmStart: [Double](repeating: .nan, count: model.numVariables))
        }
    }

    @Test(arguments: [true, false])
    func tinyTimeLimitIsReportedHonestly(presolve: Bool) throws {
        let knapsack = Fixtures.Knapsack.hard(items: 120, seed: 2024)
        let optimum = Double(knapsack.optimum)
        let (model, _) = knapsack.model(names: false)
        let options = GLPKOptions(timeLimit: 0.01, presolve: presolve)
        let result = try GLPKSolver(options: options).solve(model)
        #expect(result.seconds < 2, "a 0.01 s limit took \(result.seconds) s")
        switch result.termination {
        case .optimal:
            #expect(result.objective == optimum)
        case .timeLimit:
            if result.primalStatus == .feasiblePoint {
                let values = try #require(result.values)
                #expect(evaluate(model, values).isFeasible)
                #expect(try #require(result.objective) <= optimum)
            } else {
                #expect(result.values == nil)
            }
            if let bound = result.bound {
                #expect(bound >= optimum - 1e-6, "bound \(bound) cuts off the optimum \(optimum)")
            }
        default:
            Issue.record("unexpected termination \(result.termination)")
        }
    }

    @Test func boundsTrackedDuringSearchAreValid() throws {
        // Several short runs on a hard instance: every reported bound must be ≥ the true optimum
        // (maximisation) and ≥ the incumbent.
        let knapsack = Fixtures.Knapsack.hard(items: 80, seed: 99)
        let optimum = Double(knapsack.optimum)
        let (model, _) = knapsack.model(names: false)
        for presolve in [true, false] {
            let result = try GLPKSolver(options: GLPKOptions(timeLimit: 0.05, presolve: presolve)).solve(model)
            if let bound = result.bound {
                #expect(bound >= optimum - 1e-6)
                if let objective = result.objective { #expect(bound >= objective) }
                #expect(bound <= knapsack.relaxationOptimum + 1e-6)
            }
        }
    }

    @Test func boundsIncludeObjectiveShiftsRemovedByThePresolver() throws {
        // Fixed columns and a constant that GLPK's presolver folds away must still be in the bound.
        let knapsack = Fixtures.Knapsack.hard(items: 120, seed: 2024)
        var (model, _) = knapsack.model(names: false)
        for _ in 0..<3 { model.addVariable(lower: 1, upper: 1, kind: .integer, objective: 1_000) }
        model.objectiveConstant = 500
        let shift = 3_500.0
        let optimum = Double(knapsack.optimum) + shift
        for presolve in [true, false] {
            let result = try GLPKSolver(options: GLPKOptions(timeLimit: 0.02, presolve: presolve)).solve(model)
            if let objective = result.objective { #expect(objective <= optimum && objective > shift) }
            #expect(result.termination == .optimal || result.termination == .timeLimit)
            #expect(result.bound != nil, "a search that ran 20 ms should have proved some bound")
            if let bound = result.bound {
                #expect(bound >= optimum - 1e-6, "presolve \(presolve): bound \(bound) below optimum \(optimum)")
                #expect(bound <= knapsack.relaxationOptimum + shift + 1e-6)
            }
        }
    }

    @Test func gapLimitIsNotReportedAsOptimal() throws {
        let knapsack = Fixtures.Knapsack.hard(items: 60, seed: 5)
        let (model, _) = knapsack.model(names: false)
        let result = try GLPKSolver(options: GLPKOptions(relativeGap: 0.05)).solve(model)
        // Either GLPK proved optimality before noticing the gap, or it stopped at the gap.
        #expect(result.termination == .optimal || result.termination == .gapLimit)
        if result.termination == .gapLimit {
            // GLPK's gap is |incumbent − bound| / |incumbent|, so incumbent ≥ optimum / 1.05.
            #expect(try #require(result.objective) >= Double(knapsack.optimum) / 1.05 - 1e-6)
            if let bound = result.bound { #expect(bound >= Double(knapsack.optimum) - 1e-6) }
        } else {
            #expect(result.objective == Double(knapsack.optimum))
        }
    }
}
