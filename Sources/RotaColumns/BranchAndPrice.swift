// SPDX-License-Identifier: GPL-3.0-or-later
// Branch and price on the master: the search tree's decisions are "worker w works shift h" and
// "worker w does not work shift h". Each node's LP is priced again under its decisions (pricing steers
// the worker's dynamic programme onto them), and exact pricing bounds it; a node whose bound reaches the
// best rota's objective is pruned. Nodes are taken lowest bound first, and from each the search plunges
// into the child its LP leans to, so it finds rotas early and its open nodes bound the optimum.
import RotaChecker
import RotaGreedy
import RotaModel
import LinearModel

extension ColumnGenerationSolver {
    /// A branching decision: worker `w` works shift `h` (or not).
    struct Decision: Equatable {
        let w: Int
        let h: Int
        let works: Bool
    }

    /// What a branch-and-price search did.
    struct TreeSearch {
        var nodes = 0
        /// Pricing rounds over all nodes, and the seconds in LP solves and in pricing.
        var rounds = 0
        var lpSeconds = 0.0
        var pricingSeconds = 0.0
        /// Rotas found at whole LPs (each offered to `offer`).
        var found = 0
        /// Every node was searched or pruned by a proved bound: the best rota is optimal.
        var exhausted = false
        /// The least bound of the nodes left open (nil with none open, with any open node unbounded,
        /// or with any node set aside unproved).
        var openBound: Double?
        /// Nodes set aside without proof: an LP with no point over the patterns found, or a whole LP
        /// that pricing did not prove optimal. (With any, the search proves nothing.)
        var unsettled = 0
    }

    /// Searches the master's tree until `end`, from no decisions. `bound` is the root's proved bound
    /// (if any); `best` is the objective of the best rota so far, and `offer` is given every rota the
    /// search finds (whole LPs), to judge and keep. A plunge goes first into the child the LP leans to
    /// (`lean`), or the other. Leaves `master` with no decisions.
    func branchAndPrice(_ master: inout Master, lp: any IncrementalLP, pricers: [PatternPricer], until end: Double,
                        clock: Stopwatch, bound rootBound: Double?, best: () -> Int, lean: Bool = true,
                        offer: (Assignment) -> Void) -> TreeSearch {
        var run = TreeSearch()
        var open: [(path: [Decision], bound: Double)] = [([], rootBound ?? -.infinity)]
        var current: [Decision] = []
        /// Moves the master's fixings from `current` to `path`.
        func move(to path: [Decision]) {
            var common = 0
            while common < min(current.count, path.count) && current[common] == path[common] { common += 1 }
            for d in current[common...].reversed() { master.unfix(d.w, shift: d.h, in: lp) }
            for d in path[common...] { master.fix(d.w, shift: d.h, works: d.works, in: lp) }
            current = path
        }
        func pruned(_ b: Double) -> Bool { b > -.infinity && leastWholeObjective(bound: b) >= best() }

        search: while true {
            open.removeAll { pruned($0.bound) }
            // Lowest bound first; of equal bounds, the deepest (the plunge's own sibling).
            guard let pick = open.indices.min(by: { (open[$0].bound, -open[$0].path.count) < (open[$1].bound, -open[$1].path.count) })
            else { break }
            var node = open.remove(at: pick)
            // Plunge: settle the node, or branch and go on into the child its LP leans to.
            while true {
                guard clock.seconds < end else { open.append(node); break search }
                move(to: node.path)
                run.nodes += 1
                let g = generate(&master, lp: lp, pricers: pricers, until: end, clock: clock, exact: true, stopAt: best())
                run.rounds += g.rounds; run.lpSeconds += g.lpSeconds; run.pricingSeconds += g.pricingSeconds
                guard let values = g.lp?.values else {
                    if clock.seconds >= end { open.append(node); break search }
                    run.unsettled += 1   // no LP point over the patterns found (only rows of hard headcounts can do that)
                    break
                }
                let nodeBound = max(node.bound, g.bound ?? -.infinity)
                if pruned(nodeBound) { break }
                let columns = master.freeColumns(lpValues: values)
                if columns.allSatisfy({ $0.v > 1 - 1e-6 }) {
                    run.found += 1
                    offer(master.assignment(lpValues: values))
                    // Settled when the node's bound shows nothing in it beats the rota just offered.
                    if !pruned(nodeBound) { run.unsettled += 1 }
                    break
                }
                guard clock.seconds < end else { open.append((node.path, nodeBound)); break search }
                guard let d = branching(master, columns: columns) else { run.unsettled += 1; break }
                let (first, second) = lean ? (d.works, !d.works) : (!d.works, d.works)
                open.append((node.path + [Decision(w: d.w, h: d.h, works: second)], nodeBound))
                node = (node.path + [Decision(w: d.w, h: d.h, works: first)], nodeBound)
            }
        }
        move(to: [])
        run.exhausted = open.isEmpty && run.unsettled == 0
        let bounds = open.map(\.bound)
        if run.unsettled == 0, let least = bounds.min(), least > -.infinity { run.openBound = least }
        return run
    }

    /// The decision to branch on at an LP point that is not whole: the worker-shift pair whose share
    /// is nearest a half (the first such pair on ties), leaning to the side the LP takes more of.
    func branching(_ master: Master, columns: [(j: Int, v: Double)]) -> Decision? {
        // The dive on days' shift decisions: each pair not fixed that some but not all of the worker's
        // patterns in the LP work (a fixed pair's patterns all agree with it).
        let pairs = dayDecisions(master, columns: columns).decisions.compactMap { d in d.shift.map { (w: d.w, h: $0, v: d.v) } }
        guard let pick = pairs.min(by: { (abs($0.v - 0.5), $0.w, $0.h) < (abs($1.v - 0.5), $1.w, $1.h) }) else { return nil }
        return Decision(w: pick.w, h: pick.h, works: pick.v >= 0.5)
    }
}
