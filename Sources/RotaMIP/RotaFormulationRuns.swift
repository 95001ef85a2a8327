// SPDX-License-Identifier: GPL-3.0-or-later
// H10 (runs of working days and of days off) as a path through a small network per worker: the
// "stretch" formulation. Each arc is a whole run (or one more day of an off run that is already long
// enough), so a worker's sequence of working days and days off is one path from the first day to the
// last. The network alone is integral (a shortest-path polytope), which the window rows are not: on
// the Curtois & Qu instances it lifts the LP bound towards the optimum where GLPK's own cuts do not.
import LinearModel

/// One arc of a worker's run network, over days `from..<to`.
struct RunArc: Sendable {
    enum Kind: Sendable {
        /// A run of working days.
        case work
        /// The first `minConsecutiveDaysOff` days of a run of days off after work.
        case off
        /// One more day off, in a run that is already long enough (or began on the first day).
        case extend
        /// A short run of days off that ends the horizon (exempt from the minimum).
        case offToEnd
    }
    let kind: Kind
    let from: Int
    let to: Int
    let variable: Variable
}

extension RotaFormulation {
    /// Adds the run network of one worker, linked to its working-day indicators `wd`
    /// (`wd[d]` = Σ work arcs over day `d`). Returns nil, adding nothing, when no run rule binds.
    ///
    /// Nodes: `O b` (the days before boundary `b` end with enough days off, or nothing came before)
    /// and `W b` (a run of working days ends at `b`). `O 0` is the source; paths end at `O D`, `W D`,
    /// or through an `offToEnd` arc.
    /// Names (with `names` on) are `run_work(w,d<from>,d<to>)` and so on for the arcs, `run_node(w,O<b>)`
    /// or `run_node(w,W<b>)` for the flow rows and `run_day(w,d<d>)` for the linking rows.
    static func addRunNetwork(_ m: inout MIPModel, wd: [Variable], names: inout FormulationNames, worker: String,
                              maxRun: Int, minRun: Int, minOff: Int) -> [RunArc]? {
        let days = wd.count
        let mx = min(maxRun, days), mnWork = max(1, minRun), mnOff = max(1, minOff)
        guard days > 1, mx < days || mnWork > 1 || mnOff > 1 else { return nil }
        // Days on which working is impossible, or forced.
        let closed = wd.map { m.upperBound(of: $0) < 0.5 }
        let forced = wd.map { m.lowerBound(of: $0) > 0.5 }
        var arcs: [RunArc] = []
        // Node ids: O b = b, W b = days + 1 + b.
        let nodes = 2 * (days + 1)
        var outArcs = [[Int]](repeating: [], count: nodes)
        var inArcs = [[Int]](repeating: [], count: nodes)
        func add(_ kind: RunArc.Kind, _ from: Int, _ to: Int, _ u: Int, _ v: Int?) {
            let covers = from..<to
            if kind == .work { if covers.contains(where: { closed[$0] }) { return } } else if covers.contains(where: { forced[$0] }) { return }
            let x = m.addBinary(name: names.column { "run_\(kind)(\(worker),d\(from),d\(to))" })
            outArcs[u].append(arcs.count)
            if let v { inArcs[v].append(arcs.count) }
            arcs.append(RunArc(kind: kind, from: from, to: to, variable: x))
        }
        let W = { (b: Int) in days + 1 + b }
        for b in 0..<days {
            // From O b: a run of work of length l (runs touching either end are exempt from the minimum).
            for l in 1...mx where b + l <= days && (l >= mnWork || b == 0 || b + l == days) {
                add(.work, b, b + l, b, W(b + l))
            }
            // From O b: one more day off.
            add(.extend, b, b + 1, b, b + 1)
            // From W b (b ≥ 1): the first days off after work.
            if b >= 1 {
                if b + mnOff <= days { add(.off, b, b + mnOff, W(b), b + mnOff) }
                if days - b < mnOff { add(.offToEnd, b, days, W(b), nil) }
            }
        }
        // Flow: one unit leaves O 0; every node but the source and the two ends passes it on.
        for node in 0..<nodes {
            let isSource = node == 0, isEnd = node == days || node == W(days), unused = node == W(0)
            if isEnd || unused { continue }
            let o = outArcs[node].map { arcs[$0].variable }, i = inArcs[node].map { arcs[$0].variable }
            if isSource {
                m.addConstraint(name: names.row { "run_start(\(worker))" }, variables: o, coefficients: Array(repeating: 1, count: o.count), sense: .equal, rhs: 1)
            } else if !o.isEmpty || !i.isEmpty {
                m.addConstraint(name: names.row { "run_node(\(worker),\(node > days ? "W\(node - days - 1)" : "O\(node)"))" },
                                variables: o + i, coefficients: Array(repeating: 1, count: o.count) + Array(repeating: -1, count: i.count),
                                sense: .equal, rhs: 0)
            }
        }
        // Linking: the working-day indicator is the work arcs over that day.
        var over = [[Variable]](repeating: [], count: days)
        for a in arcs where a.kind == .work { for d in a.from..<a.to { over[d].append(a.variable) } }
        for d in 0..<days {
            m.addConstraint(name: names.row { "run_day(\(worker),d\(d))" }, variables: over[d] + [wd[d]], coefficients: Array(repeating: 1, count: over[d].count) + [-1], sense: .equal, rhs: 0)
        }
        return arcs
    }

    /// Sets the run arcs of a worker from its working days (all zero when the pattern breaks H10,
    /// which makes the point infeasible, as it should be).
    static func setRunArcs(_ arcs: [RunArc], working: [Bool], minOff: Int, values v: inout [Double]) {
        guard !arcs.isEmpty else { return }
        let days = working.count, mnOff = max(1, minOff)
        var index: [String: Variable] = [:]
        for a in arcs { index["\(a.kind)-\(a.from)-\(a.to)"] = a.variable }
        var chosen: [Variable] = []
        func take(_ kind: RunArc.Kind, _ from: Int, _ to: Int) -> Bool {
            guard let x = index["\(kind)-\(from)-\(to)"] else { return false }
            chosen.append(x); return true
        }
        var i = 0
        var ok = true
        while i < days && ok {
            var j = i
            while j < days && working[j] == working[i] { j += 1 }
            if working[i] {
                ok = take(.work, i, j)
            } else if i == 0 {
                for d in i..<j where ok { ok = take(.extend, d, d + 1) }
            } else if j - i < mnOff {
                ok = j == days && take(.offToEnd, i, days)
            } else {
                ok = take(.off, i, i + mnOff)
                for d in (i + mnOff)..<j where ok { ok = take(.extend, d, d + 1) }
            }
            i = j
        }
        guard ok else { return }
        for x in chosen { v[x.index] = 1 }
    }
}
