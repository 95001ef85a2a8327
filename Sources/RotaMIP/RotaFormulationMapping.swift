// SPDX-License-Identifier: GPL-3.0-or-later
import RotaModel
import RotaChecker
import LinearModel

extension RotaFormulation {
    /// The rota a point of the model describes.
    public func assignment(from values: [Double]) -> Assignment {
        let inst = instance
        var a = Assignment.empty(for: inst)
        for (pi, p) in options.placements.enumerated() where values[y[pi].index] > 0.5 {
            guard let lead = leadVar[pi].keys.sorted().first(where: { values[leadVar[pi][$0]!.index] > 0.5 }) else { continue }
            let helpers = helperVar[pi].keys.sorted().filter { values[helperVar[pi][$0]!.index] > 0.5 && $0 != lead }
            a.sessions[p.session] = SessionPlacement(workers: [lead] + helpers, start: p.start, venue: p.venue)
        }
        for h in inst.shifts.indices {
            a.shiftWorkers[h] = shiftVar[h].keys.sorted().filter { values[shiftVar[h][$0]!.index] > 0.5 }
        }
        for c in inst.cases.indices {
            if options.allocationChoices[c] == nil {
                if inst.cases[c].allocatedWorker == nil { a.allocations[c] = options.fixedAllocation[c] }
                continue
            }
            a.allocations[c] = allocVar[c].keys.sorted().first { values[allocVar[c][$0]!.index] > 0.5 }
        }
        return a
    }

    /// The model's point for a rota, or nil when the rota uses an option the model does not have
    /// (a placement, worker or shift place that breaks a hard rule, or lies outside a sub-problem).
    public func point(for assignment: Assignment) -> [Double]? {
        let inst = instance
        var v = [Double](repeating: 0, count: model.numVariables)
        for (s, placement) in assignment.sessions.enumerated() {
            guard let p = placement, !p.workers.isEmpty else { v[unassigned[s].index] = 1; continue }
            let loc = inst.sessionLocation(inst.sessions[s], venue: p.venue, lead: p.lead)
            guard let pi = placementKey[PlacementKey(s: s, start: p.start, venue: p.venue, loc: loc)],
                  let x = leadVar[pi][p.lead] else { return nil }
            v[y[pi].index] = 1
            v[x.index] = 1
            for w in p.workers.dropFirst() {
                guard let h = helperVar[pi][w] else { return nil }
                v[h.index] += 1
            }
        }
        for (h, ws) in assignment.shiftWorkers.enumerated() {
            for w in ws {
                guard let z = shiftVar[h][w] else { return nil }
                v[z.index] += 1
            }
        }
        for c in inst.cases.indices where inst.cases[c].allocatedWorker == nil {
            if options.allocationChoices[c] == nil {
                if assignment.allocations[c] != options.fixedAllocation[c] { return nil }
                continue
            }
            if let w = assignment.allocations[c] {
                guard let a = allocVar[c][w] else { return nil }
                v[a.index] = 1
            }
        }
        completeAuxiliaries(&v, allocations: assignment.allocations)
        fillSlacks(&v)
        return v
    }

    /// Sets the slacks of the soft minimums to the shortfall of their rows.
    func fillSlacks(_ v: inout [Double]) {
        for r in softRows {
            var lhs = 0.0
            for (x, c) in zip(r.vars, r.coefs) { lhs += c * v[x.index] }
            v[r.slack.index] = r.sense == .greaterOrEqual ? max(0, r.rhs - lhs) : max(0, lhs - r.rhs)
        }
    }

    /// The penalty the soft minimums add at a point (0 in the exact model).
    public func minimumsPenalty(at values: [Double]) -> Double {
        softRows.reduce(0) { $0 + model.objectiveCoefficient(of: $1.slack) * values[$1.slack.index] }
    }

    /// Sets every auxiliary variable (routes, working days, weekends, overtime, continuity,
    /// fairness, requests, cover) to its exact value given the primary ones.
    func completeAuxiliaries(_ v: inout [Double], allocations: [Int?]) {
        let inst = instance
        let nodes = options.nodes
        let nW = inst.workers.count, days = inst.days
        func on(_ x: Variable) -> Bool { v[x.index] > 0.5 }
        // Routes.
        var arcIndex: [Int: [Int: Int]] = [:]  // from node (or -1-w*days-d) → to → arc
        for (w, perDay) in arcsOfDay.enumerated() {
            for (d, list) in perDay.enumerated() {
                let chosen = options.blocking[w][d].filter { on(nodes[$0].variable) }
                    .sorted { (nodes[$0].interval.start, nodes[$0].interval.end) < (nodes[$1].interval.start, nodes[$1].interval.end) }
                guard !chosen.isEmpty else { continue }
                arcIndex.removeAll(keepingCapacity: true)
                for a in list { arcIndex[arcs[a].from, default: [:]][arcs[a].to] = a }
                var prev = -1
                for i in chosen + [-1] {
                    if let a = arcIndex[prev]?[i] { v[arcs[a].variable.index] = 1 }
                    prev = i
                }
            }
        }
        // Working days and weekends.
        for w in 0..<nW {
            for d in 0..<days {
                let works = options.blocking[w][d].contains { on(nodes[$0].variable) }
                    || options.standby[w][d].contains { on(shiftVar[$0][w]!) }
                v[workDay[w][d].index] = works ? 1 : 0
            }
            if !runArcs[w].isEmpty {
                RotaFormulation.setRunArcs(runArcs[w], working: (0..<days).map { v[workDay[w][$0].index] > 0.5 },
                                           minOff: inst.workers[w].minConsecutiveDaysOff, values: &v)
            }
            for (k, we) in weekend[w] {
                let ds = (0..<days).filter { inst.weekend(ofDay: $0) == k }
                v[we.index] = ds.contains { v[workDay[w][$0].index] > 0.5 } ? 1 : 0
            }
        }
        // Overtime.
        for (w, worker) in inst.workers.enumerated() {
            guard let contract = worker.contractMinutes else { continue }
            var minutes = [Double](repeating: 0, count: inst.weeks)
            for d in 0..<days {
                let k = inst.week(ofDay: d)
                for i in options.blocking[w][d] where on(nodes[i].variable) { minutes[k] += Double(nodes[i].minutes) }
                for h in options.standby[w][d] where on(shiftVar[h][w]!) { minutes[k] += Double(inst.shiftTypes[inst.shifts[h].type].counted) }
                for a in arcsOfDay[w][d] where on(arcs[a].variable) { minutes[k] += Double(arcs[a].minutes) }
            }
            for k in 0..<inst.weeks { if let ot = overtime[w][k] { v[ot.index] = max(0, minutes[k] - Double(contract)) } }
        }
        // Continuity with a chosen allocation.
        for (s, k) in continuityVar.enumerated() {
            guard let k else { continue }
            let c = inst.sessions[s].caseIndex
            var lead: Int?
            for pi in options.placementsOfSession[s] { for (w, x) in leadVar[pi] where on(x) { lead = w } }
            let alloc = allocVar[c].first { on($0.value) }?.key
            v[k.index] = (lead != nil && lead != alloc) ? 1 : 0
        }
        // Fairness.
        for f in fairness {
            let counts = f.workers.map { w in
                Double(inst.workers[w].historyShiftCounts[f.type])
                    + Double(inst.shifts.indices.filter { inst.shifts[$0].type == f.type }.filter { shiftVar[$0][w].map(on) ?? false }.count)
            }
            v[f.max.index] = counts.max() ?? 0
            v[f.min.index] = counts.min() ?? 0
        }
        // Requests.
        for (w, worker) in inst.workers.enumerated() {
            for (r, req) in worker.requests.enumerated() {
                guard let br = requestVar[w][r] else { continue }
                let worked = inst.shifts.indices.contains { h in
                    inst.shifts[h].day == req.day && (req.shiftType == nil || inst.shifts[h].type == req.shiftType)
                        && (shiftVar[h][w].map(on) ?? false)
                }
                v[br.index] = worked != req.on ? 1 : 0
            }
        }
        // Cover.
        for (h, shift) in inst.shifts.enumerated() {
            let n = Double(shiftVar[h].values.filter(on).count)
            v[under[h].index] = max(0, Double(shift.required) - n)
            v[over[h].index] = max(0, n - Double(shift.required))
        }
    }
}
