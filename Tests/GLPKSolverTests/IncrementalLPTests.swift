import Testing
import LinearModel
@testable import GLPKSolver

/// The incremental LP (column generation's master): columns added and bounds changed between
/// solves give what a fresh solve of the same LP gives, with duals that price every column fairly.
@Suite struct IncrementalLPTests {
    /// Covering: rows need 2, 1 and 3 units; a shortfall costs 10 a unit. Columns cover sets of rows.
    private let rhs = [2.0, 1.0, 3.0]
    private let cols: [(cost: Double, rows: [Int])] = [(4, [0]), (3, [1, 2]), (5, [0, 1, 2]), (2, [2]), (6, [0, 2])]

    private func whole(upTo n: Int, fixed: [Int: Double] = [:]) -> MIPModel {
        var m = MIPModel()
        let short = (0..<3).map { _ in m.addVariable(lower: 0, objective: 10) }
        let x = (0..<n).map { j in m.addVariable(lower: fixed[j] ?? 0, upper: fixed[j] ?? 2, objective: cols[j].cost) }
        for i in 0..<3 {
            m.addConstraint(terms: [(short[i], 1.0)] + (0..<n).filter { cols[$0].rows.contains(i) }.map { (x[$0], 1.0) },
                            sense: .greaterOrEqual, rhs: rhs[i])
        }
        return m
    }

    @Test func addedColumnsAndBoundsMatchAFreshSolve() throws {
        var shell = MIPModel()
        for _ in 0..<3 { shell.addVariable(lower: 0, objective: 10) }
        for i in 0..<3 { shell.addConstraint(terms: [(Variable(index: i), 1.0)], sense: .greaterOrEqual, rhs: rhs[i]) }
        let solver = GLPKSolver(options: GLPKOptions(timeLimit: 10))
        var objectives: [Double] = []
        try solver.withIncrementalLP(shell) { lp in
            for (j, c) in cols.enumerated() {
                lp.addColumn(objective: c.cost, lower: 0, upper: 2, entries: c.rows.map { ($0, 1.0) })
                let r = lp.solve()
                #expect(r.termination == .optimal)
                let fresh = try solver.solve(whole(upTo: j + 1))
                #expect(abs((r.objective ?? .nan) - (fresh.objective ?? .nan)) < 1e-7, "after \(j + 1) columns")
                // Duals: no column prices below zero at the optimum (within its bounds' signs).
                let y = try #require(r.rowDuals)
                let x = try #require(r.values)
                for (k, col) in cols.prefix(j + 1).enumerated() {
                    let reduced = col.cost - col.rows.reduce(0) { $0 + y[$1] }
                    if x[3 + k] < 1e-9 { #expect(reduced > -1e-7) }
                    if x[3 + k] > 2 - 1e-9 { #expect(reduced < 1e-7) }
                }
                objectives.append(r.objective ?? .nan)
            }
            // Fix column 2 (the one covering every row) at 2: as a fresh solve with that bound.
            lp.setBounds(column: 3 + 2, lower: 2, upper: 2)
            let r = lp.solve()
            let fresh = try solver.solve(whole(upTo: cols.count, fixed: [2: 2]))
            #expect(abs((r.objective ?? .nan) - (fresh.objective ?? .nan)) < 1e-7)
            #expect(abs((r.values?[5] ?? 0) - 2) < 1e-9)
        }
        // More columns never cost more.
        #expect(zip(objectives, objectives.dropFirst()).allSatisfy { $1 <= $0 + 1e-9 })
        // By hand: column 0 twice covers row 0 (8); rows 1 and 2 fall short by 1 and 3 (40).
        #expect(abs((objectives.first ?? 0) - 48) < 1e-9)
    }

    /// A primal solve that stalls (here: after one iteration) hands over to the dual simplex from the basis
    /// it reached, and the LP is still solved: the same objective as a fresh solve, after columns are
    /// added and after a bound is changed.
    @Test func aStalledPrimalSolveIsFinishedByTheDualSimplex() throws {
        var shell = MIPModel()
        for _ in 0..<3 { shell.addVariable(lower: 0, objective: 10) }
        for i in 0..<3 { shell.addConstraint(terms: [(Variable(index: i), 1.0)], sense: .greaterOrEqual, rhs: rhs[i]) }
        let solver = GLPKSolver(options: GLPKOptions(timeLimit: 10))
        try solver.withIncrementalLP(shell) { lp in
            let glpk = try #require(lp as? GLPKIncrementalLP)
            glpk.stallIterations = 1
            for c in cols { lp.addColumn(objective: c.cost, lower: 0, upper: 2, entries: c.rows.map { ($0, 1.0) }) }
            let r = lp.solve()
            #expect(r.termination == .optimal)
            let fresh = try solver.solve(whole(upTo: cols.count))
            #expect(abs((r.objective ?? .nan) - (fresh.objective ?? .nan)) < 1e-7)
            lp.setBounds(column: 3 + 2, lower: 2, upper: 2)
            let fixed = lp.solve()
            #expect(fixed.termination == .optimal)
            let freshFixed = try solver.solve(whole(upTo: cols.count, fixed: [2: 2]))
            #expect(abs((fixed.objective ?? .nan) - (freshFixed.objective ?? .nan)) < 1e-7)
            #expect(glpk.stalls >= 1)
        }
    }
}
