import Foundation
import Testing
import GLPKSolver
import LinearModel
import RotaModel
import RotaChecker
@testable import RotaColumns
import RotaWorkflows

/// Later dives (`ColumnGenerationSolver.redive`): while the best rota is far above the root's bound,
/// the dive runs again from the root, ranking fractional patterns with a random factor, until some dives
/// in a row gain nothing; the tree gets the rest of the time.
@Suite struct RediveTests {
    private func solver(rediveGap: Double = 0.01, withoutGain: Int = 2) -> ColumnGenerationSolver {
        var s = ColumnGenerationSolver(
            withLP: { model, body in try GLPKSolver(options: GLPKOptions(timeLimit: 30)).withIncrementalLP(model) { body($0) } },
            solveMIP: { model, warm, seconds in try GLPKSolver(options: GLPKOptions(timeLimit: seconds)).solve(model, warmStart: warm) })
        s.rediveGap = rediveGap
        s.redivesWithoutGain = withoutGain
        s.searchTree = false
        s.seed = 3
        return s
    }

    /// Runs `redive` over scripted dive outcomes (nil: a dive with no rota), from a first rota of `first`.
    private func script(_ outcomes: [Int?], first: Int, bound: Double?, gap: Double = 0.01, withoutGain: Int = 2,
                        room: Int = .max) -> (ran: [Int?], best: Int) {
        let s = solver(rediveGap: gap, withoutGain: withoutGain)
        var best = first
        var next = outcomes.makeIterator()
        let ran = s.redive(bound: bound, best: { best }, fits: { $0 < room }) {
            let o = next.next() ?? nil
            if let o, o < best { best = o }
            return o
        }
        return (ran, best)
    }

    @Test("later dives stop after dives in a row gain nothing, at the gap, at a proof, and when out of room")
    func stopRule() {
        // Gains at the 2nd and 4th dives; then two without gain (a worse one and one with no rota).
        #expect(script([1417, 1313, 1320, 1311, 1500, nil, 1300], first: 1419, bound: 1296.6).ran == [1417, 1313, 1320, 1311, 1500, nil])
        // A longer patience runs on to the last gain and as many again.
        #expect(script([1417, 1500, 1510, 1311, 1500, 1501, 1502, 1300], first: 1419, bound: 1296.6, withoutGain: 3).ran
                == [1417, 1500, 1510, 1311, 1500, 1501, 1502])
        // Within 1 % of the bound: none at all, and none after a dive that gets there.
        #expect(script([1300], first: 1309, bound: 1296.6).ran.isEmpty)
        #expect(script([1400, 1305, 1300], first: 1419, bound: 1296.6) == ([1400, 1305], 1305))
        // A rota the bound proves optimal stops them even with no gap allowed.
        #expect(script([1297, 1296], first: 1419, bound: 1296.6, gap: -1) == ([1297], 1297))
        // No bound (the root did not converge), or no room for another dive: none.
        #expect(script([1300], first: 1419, bound: nil).ran.isEmpty)
        #expect(script([1400, 1390, 1380, 1370], first: 1419, bound: 1296.6, room: 2).ran == [1400, 1390])
    }

    @Test("on Instance1 each later dive is a valid rota, the best is kept, and they do not all end alike")
    func laterDivesOnInstance1() throws {
        // Instance1: root LP 558, optimum 607, so every rota is far from the bound.
        let inst = try compileInstance(1)
        let start = try #require(SolveRunner.Backends.standard.greedy(inst, SolveOptions(timeLimit: 1, seed: 1, threads: 1)).assignment)
        let r = try #require(solver(withoutGain: 12).solve(inst, start: start, timeLimit: 20))
        let firstNote = try #require(r.notes.first { $0.hasPrefix("dive on") })
        let first = try #require(Int(firstNote.components(separatedBy: "objective ").last ?? ""))
        let note = try #require(r.notes.first { $0.contains("later dives") })
        let list = try #require(note.components(separatedBy: "objectives ").last?.components(separatedBy: ";").first)
        let later = list.components(separatedBy: ", ").map { Int($0) }
        // Every later dive ends in a rota the checker accepts (a rejected one would be "none").
        #expect(later.count >= 12 && later.allSatisfy { $0 != nil }, "\(r.notes)")
        #expect(Set(later.compactMap { $0 } + [first]).count >= 2, "\(r.notes)")
        let a = try #require(r.assignment)
        let report = Checker.check(a, in: inst)
        #expect(report.isFeasible)
        #expect(report.objective.total <= min(first, later.compactMap { $0 }.min()!))
        #expect(report.objective.total == 607)
        // None with the gap at infinity.
        let once = try #require(solver(rediveGap: .infinity).solve(inst, start: start, timeLimit: 10))
        #expect(!once.notes.contains { $0.contains("later dives") }, "\(once.notes)")
    }
}
