// SPDX-License-Identifier: GPL-3.0-or-later

import LinearModel

/// Small models with answers computed independently of GLPK.
enum Fixtures {
    /// Deterministic generator (SplitMix64) so "random" instances are the same on every run.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(in range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
    }

    struct Knapsack {
        var values: [Int]
        var weights: [Int]
        var capacity: Int

        /// The 0/1 knapsack as a maximisation MIP.
        func model(names: Bool = true) -> (MIPModel, [Variable]) {
            var model = MIPModel(sense: .maximize)
            let items = values.indices.map {
                model.addBinary(name: names ? "take[\($0)]" : nil, objective: Double(values[$0]))
            }
            model.addConstraint(name: "capacity", variables: items, coefficients: weights.map(Double.init),
                                sense: .lessOrEqual, rhs: Double(capacity))
            return (model, items)
        }

        /// Optimum by dynamic programming over capacities.
        var optimum: Int {
            var best = [Int](repeating: 0, count: capacity + 1)
            for (value, weight) in zip(values, weights) where weight <= capacity {
                for c in stride(from: capacity, through: weight, by: -1) {
                    best[c] = max(best[c], best[c - weight] + value)
                }
            }
            return best[capacity]
        }

        /// Dantzig's bound: the LP relaxation optimum (greedy by ratio, last item fractional).
        var relaxationOptimum: Double {
            let order = values.indices.sorted { Double(values[$0]) / Double(weights[$0]) > Double(values[$1]) / Double(weights[$1]) }
            var room = Double(capacity), total = 0.0
            for i in order {
                let take = min(1, room / Double(weights[i]))
                total += take * Double(values[i])
                room -= take * Double(weights[i])
                if room <= 0 { break }
            }
            return total
        }

        /// A feasible but (usually) suboptimal point: greedy by index.
        var greedyPoint: [Double] {
            var room = capacity
            return weights.map { weight in
                if weight <= room { room -= weight; return 1 } else { return 0 }
            }
        }

        static let small = Knapsack(values: [10, 13, 7, 8, 9, 4, 12, 6], weights: [5, 7, 4, 5, 6, 3, 8, 4], capacity: 20)

        /// Strongly correlated instance (value = weight + 100): hard for plain branch and bound.
        static func hard(items: Int, seed: UInt64) -> Knapsack {
            var random = SplitMix64(state: seed)
            let weights = (0..<items).map { _ in random.int(in: 100...1_000) }
            return Knapsack(values: weights.map { $0 + 100 }, weights: weights, capacity: weights.reduce(0, +) / 2)
        }
    }

    /// A square assignment problem: minimise Σ cost[i][j]·x[i][j], each row and column assigned once.
    struct Assignment {
        var cost: [[Int]]

        func model() -> (MIPModel, [[Variable]]) {
            let n = cost.count
            var model = MIPModel()
            let x = (0..<n).map { i in
                (0..<n).map { j in model.addBinary(name: "x[\(i),\(j)]", objective: Double(cost[i][j])) }
            }
            for i in 0..<n {
                model.addConstraint(name: "worker[\(i)]", variables: x[i], coefficients: Array(repeating: 1, count: n),
                                    sense: .equal, rhs: 1)
            }
            for j in 0..<n {
                model.addConstraint(name: "task[\(j)]", variables: (0..<n).map { x[$0][j] },
                                    coefficients: Array(repeating: 1, count: n), sense: .equal, rhs: 1)
            }
            return (model, x)
        }

        /// Optimum by enumerating every permutation.
        var optimum: Int {
            var best = Int.max
            func search(_ i: Int, _ used: inout [Bool], _ total: Int) {
                if total >= best { return }
                if i == cost.count { best = total; return }
                for j in cost.indices where !used[j] {
                    used[j] = true
                    search(i + 1, &used, total + cost[i][j])
                    used[j] = false
                }
            }
            var used = [Bool](repeating: false, count: cost.count)
            search(0, &used, 0)
            return best
        }

        static let fiveByFive = Assignment(cost: [
            [9, 2, 7, 8, 6],
            [6, 4, 3, 7, 5],
            [5, 8, 1, 8, 7],
            [7, 6, 9, 4, 8],
            [3, 7, 6, 9, 2],
        ])
    }

    /// A model exercising every bound type, both senses of inequality, an equality, a general integer
    /// with a negative range, a fixed column, a free column and an objective constant. Optimum: see test.
    static func mixedBounds() -> MIPModel {
        var model = MIPModel()
        let a = model.addVariable(name: "a", lower: 0, upper: 10, objective: 1)
        let b = model.addVariable(name: "b", lower: -5, upper: 5, kind: .integer, objective: 2)
        let c = model.addVariable(name: "c", lower: -.infinity, upper: nil, objective: 0.5)
        let d = model.addVariable(name: "d", lower: 3, upper: 3, objective: 1)
        let e = model.addBinary(name: "e", objective: -4)
        let f = model.addVariable(name: "f", lower: -.infinity, upper: 2.5, objective: -1)
        model.objectiveConstant = 7
        model.addConstraint(name: "r1", terms: [(a, 1), (b, 1), (c, 1)], sense: .greaterOrEqual, rhs: 2.5)
        model.addConstraint(name: "r2", terms: [(c, 1), (a, -1)], sense: .equal, rhs: -1)
        model.addConstraint(name: "r3", terms: [(b, 1), (e, 3), (d, 1)], sense: .lessOrEqual, rhs: 4)
        model.addConstraint(name: "r4", terms: [(f, 1), (c, -1)], sense: .lessOrEqual, rhs: 1)
        model.addConstraint(name: "r5", terms: [(f, 1), (a, 1)], sense: .greaterOrEqual, rhs: -20)
        return model
    }
}
