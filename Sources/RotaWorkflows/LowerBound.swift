// SPDX-License-Identifier: GPL-3.0-or-later
// `rota bound`: how good any rota of a shift-rostering scenario can be. The native solver finds a rota
// to start from (any valid one will do), and column generation's root proves a lower bound on every
// rota's objective (RotaColumns/RootBound.swift).
import Foundation
import RotaChecker
import RotaColumns
import RotaGreedy
import RotaModel

public enum LowerBound {
    /// Labels exact pricing may make a worker and round in `rota bound` (ample for the Curtois & Qu
    /// stand-ins of up to 84 days; `rota solve` allows 300,000, to keep within its minute).
    public static let defaultLabelLimit = 10_000_000

    public struct Report: Sendable {
        public var root: ColumnGenerationSolver.RootBound
        /// Seconds the native solver took to find the rota the master starts from.
        public var startSeconds: Double
        /// The start's objective: an upper bound beside the lower one.
        public var startObjective: Int
    }

    public enum Failure: Error, CustomStringConvertible, Sendable {
        /// Column generation does not model this scenario exactly (sessions, fairness, pinned work...).
        case inapplicable(String)
        /// The native solver found no valid rota to start from in its share of the time.
        case noStart
        public var description: String {
            switch self {
            case .inapplicable(let why): return "no bound: column generation does not model this scenario exactly (\(why))"
            case .noStart: return "no bound: the native solver found no valid rota to start from in the time"
            }
        }
    }

    /// The bound within `timeLimit` seconds (the native solver's start included: it stops once it has a
    /// valid rota, and has at most a tenth of the time).
    public static func compute(_ instance: Instance, timeLimit: Double, labelLimit: Int = defaultLabelLimit,
                               seed: UInt64 = 1, threads: Int = 2) -> Result<Report, Failure> {
        if let why = ColumnGenerationSolver.inapplicable(instance) { return .failure(.inapplicable(why)) }
        let clock = Stopwatch()
        var o = SolveOptions(timeLimit: max(0.5, timeLimit * 0.1), seed: seed, threads: threads)
        o.enoughOnceValidAt = 0
        let start = GreedySolver().solve(instance, options: o)
        guard let a = start.assignment else { return .failure(.noStart) }
        let report = Checker.check(a, in: instance)
        guard report.isFeasible else { return .failure(.noStart) }
        let startSeconds = clock.seconds
        // A proof has the time it is given: one LP solve of a long horizon's master may take minutes.
        var solver = columnGeneration(lpSeconds: nil)
        solver.threads = threads
        guard let root = solver.rootBound(instance, start: a, timeLimit: max(0.5, timeLimit - startSeconds), labelLimit: labelLimit)
        else { return .failure(.inapplicable("the start's patterns are not ones the pricing models")) }
        return .success(Report(root: root, startSeconds: startSeconds, startObjective: report.objective.total))
    }
}
