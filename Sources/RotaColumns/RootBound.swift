// SPDX-License-Identifier: GPL-3.0-or-later
// A lower bound on every rota's objective, from column generation's root alone: the master LP priced
// to convergence, each round of exact pricing giving a Lagrangian bound on the way. What `rota bound`
// prints, and what the benchmark's stand-ins (which have no best known value) are measured against.
import LinearModel
import RotaChecker
import RotaGreedy
import RotaModel

extension ColumnGenerationSolver {
    /// What the root of column generation proved.
    public struct RootBound: Sendable {
        /// No rota's objective is below this (nil: no round of exact pricing completed for every worker,
        /// so nothing is proved).
        public var bound: Double?
        /// The master LP's objective at the last solve (over the patterns found: not a bound unless
        /// `converged`, when it equals `bound`).
        public var lpObjective: Double?
        /// Exact pricing found no pattern that would lower the LP: the LP is the relaxation's optimum.
        public var converged = false
        public var rounds = 0
        public var patterns = 0
        public var seconds = 0.0
        /// Why there is no bound, or why it may be weaker than the relaxation's (nil when converged).
        public var note: String?
    }

    /// Prices the root from `start`'s patterns until it converges or `timeLimit` seconds pass, with exact
    /// pricing allowed `labelLimit` labels a worker and round (beyond which it falls back to the beam, and
    /// proves nothing). Nil where column generation does not model the instance exactly (`inapplicable`)
    /// or a start pattern is not one the pricing models.
    public func rootBound(_ instance: Instance, start: Assignment, timeLimit: Double, labelLimit: Int) -> RootBound? {
        let clock = Stopwatch()
        let pricers = (0..<max(1, threads)).map { _ in
            let p = PatternPricer(instance)
            p.exactLabelLimit = labelLimit
            return p
        }
        guard pricers[0].inapplicable == nil, var master = try? Master(instance: instance, start: start, pricer: pricers[0]) else { return nil }
        var out = RootBound()
        do {
            try withLP(master.shell()) { lp in
                let g = generate(&master, lp: lp, pricers: pricers, until: timeLimit, clock: clock, exact: true, stopAt: nil)
                out.bound = g.bound
                out.lpObjective = g.lp?.objective
                out.converged = g.exactConverged
                out.rounds = g.rounds
                if !out.converged {
                    out.note = g.converged ? "exact pricing ran past \(labelLimit) labels for some worker and fell back to the beam, which proves nothing"
                        : "the time limit came before the LP converged"
                }
            }
        } catch {
            out.note = "column generation stopped: \(error)"
        }
        out.patterns = master.columns.count
        out.seconds = clock.seconds
        return out
    }
}

/// A start whose pattern for `worker` is not one the pricing models.
struct UnmodelledStart: Error {
    let worker: Int
}

extension Master {
    /// A master holding `start`'s pattern for each worker (so its LP has a point from the first solve).
    /// Throws `UnmodelledStart` naming the first worker whose pattern `pricer` does not model.
    init(instance: Instance, start: Assignment, pricer: PatternPricer) throws(UnmodelledStart) {
        self.init(instance: instance)
        for w in instance.workers.indices {
            guard let p = pricer.pattern(worker: w, shifts: start.shifts(of: w)), add(p) != nil else { throw UnmodelledStart(worker: w) }
        }
    }
}
