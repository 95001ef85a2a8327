// SPDX-License-Identifier: GPL-3.0-or-later
import RotaModel
import RotaChecker
import LinearModel

extension RotaFormulation {
    /// Builds the exact model of `instance` (or of the sub-problem `fixed` leaves free).
    ///
    /// With `softMinimums`, the minimums H7 (weekly and total minutes), H10 (runs of working days and of
    /// days off) and H11 (`min` workers on a shift) get slack variables with a large penalty
    /// (``softPenalty``), so every rota that breaks only those minimums is a point of the model.
    ///
    /// With `names`, every column and row is named for what it stands for (see
    /// ``FormulationNames``), for the LP file; the solvers' models go without.
    public static func buildModel(_ instance: Instance, fixed: Restriction? = nil, softMinimums: Bool = false,
                                  names: Bool = false) -> RotaFormulation {
        let o = enumerate(instance, restriction: fixed)
        return build(instance, o, soft: softMinimums, names: names)
    }

    // swiftlint:disable:next function_body_length
    static func build(_ inst: Instance, _ opt: OptionSet, soft: Bool = false, names: Bool = false) -> RotaFormulation {
        var o = opt
        var m = MIPModel()
        var nm = FormulationNames(enabled: names)
        let lb = FormulationLabels(inst)
        let wt = inst.weights
        let nW = inst.workers.count, days = inst.days
        var constant = 0.0
        let baseline = Assignment.baseline(of: inst)
        func row(_ name: @autoclosure () -> String, _ vars: [Variable], _ coefs: [Double], _ sense: ConstraintSense, _ rhs: Double) {
            m.addConstraint(name: nm.row(name), variables: vars, coefficients: coefs, sense: sense, rhs: rhs)
        }
        // Soft minimums: the slack's penalty (per unit, relative to P) is set at the end, once the
        // largest objective coefficient of the exact model is known.
        var softRows: [SoftRow] = []
        var softScale: [Double] = []
        func minimumRow(_ name: @autoclosure () -> String, _ vars: [Variable], _ coefs: [Double], _ sense: ConstraintSense,
                        _ rhs: Double, scale: Double) {
            guard soft else { row(name(), vars, coefs, sense, rhs); return }
            let label = names ? name() : ""
            let s = m.addVariable(name: nm.column { "slack_\(label)" }, lower: 0, kind: .continuous)
            row(label, vars + [s], coefs + [sense == .greaterOrEqual ? 1 : -1], sense, rhs)
            softRows.append(SoftRow(slack: s, vars: vars, coefs: coefs, sense: sense, rhs: rhs))
            softScale.append(scale)
        }

        // Sessions: placement, lead and helper variables.
        var y: [Variable] = []
        var leadVar = [[Int: Variable]](repeating: [:], count: o.placements.count)
        var helperVar = [[Int: Variable]](repeating: [:], count: o.placements.count)
        var key: [PlacementKey: Int] = [:]
        for (pi, p) in o.placements.enumerated() {
            let info = inst.sessions[p.session]
            let here = names ? lb.placement(p) : ""
            let yv = m.addBinary(name: nm.column { "place(\(here))" })
            if p.forced { m.setBounds(yv, lower: 1, upper: 1) }
            y.append(yv)
            key[PlacementKey(s: p.session, start: p.start, venue: p.venue, loc: p.location)] = pi
            let alloc = o.fixedAllocation[info.caseIndex]
            let chosenAlloc = o.allocationChoices[info.caseIndex] != nil
            for w in p.leads {
                var cost = 0
                if !chosenAlloc, let a = alloc, a != w { cost += wt.continuity }
                if !info.preferred.isEmpty && !info.preferred.contains(w) { cost += wt.preference }
                if let b = baseline?.sessions[p.session], b.lead == w, b.start == p.start, b.venue == p.venue { cost -= wt.change }
                let xv = m.addBinary(name: nm.column { "lead(\(lb.worker(w)),\(here))" }, objective: Double(cost))
                if p.forced { m.setBounds(xv, lower: 1, upper: 1) }
                leadVar[pi][w] = xv
            }
            for w in p.helpers {
                let hv = m.addBinary(name: nm.column { "help(\(lb.worker(w)),\(here))" })
                if p.forced { m.setBounds(hv, lower: 1, upper: 1) }
                helperVar[pi][w] = hv
            }
            // Σ lead = y; Σ helper = (need-1) y; lead + helper ≤ y.
            row("one_lead(\(here))", p.leads.map { leadVar[pi][$0]! } + [yv], Array(repeating: 1, count: p.leads.count) + [-1], .equal, 0)
            if info.workersNeeded > 1 || !p.helpers.isEmpty {
                row("helpers(\(here))", p.helpers.map { helperVar[pi][$0]! } + [yv], Array(repeating: 1, count: p.helpers.count)
                    + [-Double(max(0, info.workersNeeded - 1))], .equal, 0)
                for w in p.leads where helperVar[pi][w] != nil { row("lead_or_help(\(lb.worker(w)),\(here))", [leadVar[pi][w]!, helperVar[pi][w]!, yv], [1, 1, -1], .lessOrEqual, 0) }
            }
        }
        var unassigned: [Variable] = []
        for (s, info) in inst.sessions.enumerated() {
            let u = m.addBinary(name: nm.column { "unassigned(\(info.id))" }, objective: Double(info.unassignedCost))
            if o.forcedUnassigned[s] { m.setBounds(u, lower: 1, upper: 1) }
            if o.forcedAssigned[s] { m.setBounds(u, lower: 0, upper: 0) }
            unassigned.append(u)
            let ps = o.placementsOfSession[s]
            row("placed_once(\(info.id))", ps.map { y[$0] } + [u], Array(repeating: 1, count: ps.count + 1), .equal, 1)
            // Stability: changed = 1 - Σ matching lead vars (baseline assigned), or = Σ y (baseline unassigned).
            if let base = baseline {
                if base.sessions[s] != nil { constant += Double(wt.change) } else {
                    for pi in ps { m.setObjectiveCoefficient(m.objectiveCoefficient(of: y[pi]) + Double(wt.change), for: y[pi]) }
                }
            }
        }

        // Allocations and caseload (H6).
        var allocVar = [[Int: Variable]](repeating: [:], count: inst.cases.count)
        var load = [[Variable]](repeating: [], count: nW)
        var loadConst = inst.workers.map(\.caseloadOther)
        for (c, choices) in o.allocationChoices.enumerated() {
            guard let choices else {
                if let a = o.fixedAllocation[c] { loadConst[a] += 1 }
                continue
            }
            for w in choices {
                let a = m.addBinary(name: nm.column { "allocate(\(lb.caseID(c)),\(lb.worker(w)))" })
                allocVar[c][w] = a; load[w].append(a)
            }
            row("one_allocation(\(lb.caseID(c)))", choices.map { allocVar[c][$0]! }, Array(repeating: 1, count: choices.count), .lessOrEqual, 1)
        }
        var sessionsOfCase = [[Int]](repeating: [], count: inst.cases.count)
        for (s, info) in inst.sessions.enumerated() { sessionsOfCase[info.caseIndex].append(s) }
        for (c, ss) in sessionsOfCase.enumerated() {
            let placed = ss.flatMap { o.placementsOfSession[$0] }
            guard !placed.isEmpty else { continue }
            if o.allocationChoices[c] == nil {
                if o.fixedAllocation[c] == nil { for pi in placed { m.setBounds(y[pi], lower: m.lowerBound(of: y[pi]), upper: 0) } }
                continue
            }
            let avs = allocVar[c].keys.sorted().map { allocVar[c][$0]! }
            for s in ss where !o.placementsOfSession[s].isEmpty {
                let ps = o.placementsOfSession[s]
                row("placed_if_allocated(\(lb.session(s)))", ps.map { y[$0] } + avs, Array(repeating: 1, count: ps.count) + Array(repeating: -1, count: avs.count), .lessOrEqual, 0)
            }
        }
        for (w, worker) in inst.workers.enumerated() {
            guard let cap = worker.caseloadCap else { continue }
            if load[w].isEmpty {
                if loadConst[w] > cap {
                    let v = m.addBinary(name: nm.column { "over_caseload(\(lb.worker(w)))" })
                    m.setBounds(v, lower: 1, upper: 1); row("caseload(\(lb.worker(w)))", [v], [1], .lessOrEqual, 0)
                }
                continue
            }
            row("caseload(\(lb.worker(w)))", load[w], Array(repeating: 1, count: load[w].count), .lessOrEqual, Double(cap - loadConst[w]))
        }
        // Continuity with a chosen allocation: k_s ≥ Σ_p x[p,w] − a[c,w] for each lead w.
        var continuityVar = [Variable?](repeating: nil, count: inst.sessions.count)
        for (s, info) in inst.sessions.enumerated() where o.allocationChoices[info.caseIndex] != nil {
            let ps = o.placementsOfSession[s]
            guard !ps.isEmpty else { continue }
            let k = m.addVariable(name: nm.column { "discontinuity(\(info.id))" }, lower: 0, upper: 1, kind: .continuous,
                                  objective: Double(wt.continuity))
            continuityVar[s] = k
            var byWorker: [Int: [Variable]] = [:]
            for pi in ps { for (w, xv) in leadVar[pi] { byWorker[w, default: []].append(xv) } }
            for w in byWorker.keys.sorted() {
                let xs = byWorker[w]!
                var vars = xs + [k], coefs = Array(repeating: 1.0, count: xs.count) + [-1]
                if let a = allocVar[info.caseIndex][w] { vars.append(a); coefs.append(-1) }
                row("continuity(\(info.id),\(lb.worker(w)))", vars, coefs, .lessOrEqual, 0)
            }
        }

        // Shifts.
        var shiftVar = [[Int: Variable]](repeating: [:], count: inst.shifts.count)
        var under: [Variable] = [], over: [Variable] = []
        for (h, shift) in inst.shifts.enumerated() {
            let baseWorkers = Set(baseline?.shiftWorkers[h] ?? [])
            for w in o.shiftOptions[h].keys.sorted() {
                var cost = 0.0
                if baseline != nil { cost = baseWorkers.contains(w) ? -Double(wt.change) : Double(wt.change) }
                let z = m.addBinary(name: nm.column { "shift(\(shift.id),\(lb.worker(w)))" }, objective: cost)
                if o.shiftOptions[h][w]! { m.setBounds(z, lower: 1, upper: 1) }
                shiftVar[h][w] = z
            }
            if baseline != nil { constant += Double(wt.change * baseWorkers.count) }
            let zs = shiftVar[h].keys.sorted().map { shiftVar[h][$0]! }
            let ones = Array(repeating: 1.0, count: zs.count)
            let uv = m.addVariable(name: nm.column { "under(\(shift.id))" }, lower: 0, objective: Double(shift.underWeight))
            let ov = m.addVariable(name: nm.column { "over(\(shift.id))" }, lower: 0, objective: Double(shift.overWeight))
            under.append(uv); over.append(ov)
            row("cover_under(\(shift.id))", zs + [uv], ones + [1], .greaterOrEqual, Double(shift.required))
            row("cover_over(\(shift.id))", zs + [ov], ones + [-1], .lessOrEqual, Double(shift.required))
            if shift.min > 0 { minimumRow("min_workers(\(shift.id))", zs, ones, .greaterOrEqual, Double(shift.min), scale: 1) }
            row("max_workers(\(shift.id))", zs, ones, .lessOrEqual, Double(shift.max))
        }
        // Node variables.
        for i in o.nodes.indices {
            switch o.nodes[i].kind {
            case .lead(let pi): o.nodes[i].variable = leadVar[pi][o.nodes[i].worker]!
            case .helper(let pi): o.nodes[i].variable = helperVar[pi][o.nodes[i].worker]!
            case .shift(let h): o.nodes[i].variable = shiftVar[h][o.nodes[i].worker]!
            }
        }
        let nodes = o.nodes
        var shiftsOfWorkerDay = [[[Int]]](repeating: Array(repeating: [], count: days), count: nW)
        for (h, shift) in inst.shifts.enumerated() where shift.day >= 0 && shift.day < days {
            for w in shiftVar[h].keys { shiftsOfWorkerDay[w][shift.day].append(h) }
        }

        // Day routes (flow), working days, H4/H8 conflicts.
        var arcs: [Arc] = []
        var arcsOfDay = [[[Int]]](repeating: Array(repeating: [], count: days), count: nW)
        var workDay = [[Variable]](repeating: [], count: nW)
        let rest = inst.rules.minRestMinutes
        for w in 0..<nW {
            let base = inst.workers[w].base
            for d in 0..<days {
                let list = o.blocking[w][d]
                let wd = m.addBinary(name: nm.column { "works(\(lb.worker(w)),d\(d))" })
                workDay[w].append(wd)
                let standby = o.standby[w][d].map { shiftVar[$0][w]! }
                if list.isEmpty && standby.isEmpty { m.setBounds(wd, lower: 0, upper: 0); continue }
                var starts: [Variable] = []
                var inArcs = [[Variable]](repeating: [], count: list.count)
                var outArcs = [[Variable]](repeating: [], count: list.count)
                for (a, i) in list.enumerated() {
                    let n = nodes[i]
                    let t0 = inst.travel.minutes(base, n.startLocation)
                    let v0 = m.addBinary(name: nm.column { "route(\(lb.worker(w)),base,\(lb.node(n, o)))" }, objective: Double(wt.travelMinute * t0))
                    arcsOfDay[w][d].append(arcs.count); arcs.append(Arc(from: -1, to: i, minutes: t0, variable: v0))
                    inArcs[a].append(v0); starts.append(v0)
                    let t1 = inst.travel.minutes(n.endLocation, base)
                    let v1 = m.addBinary(name: nm.column { "route(\(lb.worker(w)),\(lb.node(n, o)),base)" }, objective: Double(wt.travelMinute * t1))
                    arcsOfDay[w][d].append(arcs.count); arcs.append(Arc(from: i, to: -1, minutes: t1, variable: v1))
                    outArcs[a].append(v1)
                }
                for (a, i) in list.enumerated() {
                    for (b, j) in list.enumerated() where a != b && o.compatible(nodes[i], nodes[j], inst) {
                        let t = inst.travel.minutes(nodes[i].endLocation, nodes[j].startLocation)
                        let v = m.addBinary(name: nm.column { "route(\(lb.worker(w)),\(lb.node(nodes[i], o)),\(lb.node(nodes[j], o)))" },
                                            objective: Double(wt.travelMinute * t))
                        arcsOfDay[w][d].append(arcs.count); arcs.append(Arc(from: i, to: j, minutes: t, variable: v))
                        outArcs[a].append(v); inArcs[b].append(v)
                    }
                }
                for (a, i) in list.enumerated() {
                    row("route_in(\(lb.worker(w)),\(lb.node(nodes[i], o)))", inArcs[a] + [nodes[i].variable],
                        Array(repeating: 1, count: inArcs[a].count) + [-1], .equal, 0)
                    row("route_out(\(lb.worker(w)),\(lb.node(nodes[i], o)))", outArcs[a] + [nodes[i].variable],
                        Array(repeating: 1, count: outArcs[a].count) + [-1], .equal, 0)
                }
                // One chain a day; the working-day indicator.
                row("one_route(\(lb.worker(w)),d\(d))", starts + [wd], Array(repeating: 1, count: starts.count) + [-1], .lessOrEqual, 0)
                row("works_only_if_busy(\(lb.worker(w)),d\(d))", starts + standby + [wd],
                    Array(repeating: -1, count: starts.count + standby.count) + [1], .lessOrEqual, 0)
                for (h, z) in zip(o.standby[w][d], standby) { row("standby_works(\(lb.worker(w)),\(lb.shift(h)))", [z, wd], [1, -1], .lessOrEqual, 0) }
            }
            // Overlap cliques over all the worker's nodes (any day).
            let all = o.blocking[w].flatMap { $0 }
            if all.count > 1 {
                let points = Array(Set(all.map { nodes[$0].interval.start })).sorted()
                let byStart = all.sorted { nodes[$0].interval.start < nodes[$1].interval.start }
                var active: [Int] = []
                var next = 0
                for (pIdx, t) in points.enumerated() {
                    while next < byStart.count && nodes[byStart[next]].interval.start <= t { active.append(byStart[next]); next += 1 }
                    active.removeAll { nodes[$0].interval.end <= t }
                    guard active.count > 1 else { continue }
                    if pIdx + 1 < points.count {
                        let tn = points[pIdx + 1]
                        if active.allSatisfy({ nodes[$0].interval.end > tn }) { continue }  // dominated by the next clique
                    }
                    // Drop cliques made of one session's options only (already exclusive).
                    let sess = Set(active.map { nodes[$0].session })
                    if sess.count == 1, let only = sess.first, only >= 0 { continue }
                    row("overlap(\(lb.worker(w)),\(lb.time(t)))", active.map { nodes[$0].variable },
                        Array(repeating: 1, count: active.count), .lessOrEqual, 1)
                }
                // Pairwise conflicts that are not overlaps: travel (H4) and rest (H8).
                let sorted = all.sorted { (nodes[$0].interval.start, nodes[$0].interval.end) < (nodes[$1].interval.start, nodes[$1].interval.end) }
                for (ai, i) in sorted.enumerated() {
                    let a = nodes[i]
                    for j in sorted[(ai + 1)...] {
                        let b = nodes[j]
                        if b.interval.start >= a.interval.end + max(rest, 24 * 60) { break }
                        if a.session >= 0 && a.session == b.session { continue }
                        if a.interval.overlaps(b.interval) { continue }
                        if a.day == b.day && o.triangle { continue }
                        let travelBad = b.interval.start < a.interval.end + inst.travel.minutes(a.endLocation, b.startLocation)
                        let restBad = b.day > a.day && b.interval.start - a.interval.end < rest
                        if travelBad || restBad {
                            row("\(travelBad ? "travel" : "rest")_conflict(\(lb.worker(w)),\(lb.node(a, o)),\(lb.node(b, o)))",
                                [a.variable, b.variable], [1, 1], .lessOrEqual, 1)
                        }
                    }
                }
            }
        }

        // Shift rules: per day (H9), per type (H9), cannotFollow (H8).
        for w in 0..<nW {
            let worker = inst.workers[w]
            for d in 0..<days {
                let hs = shiftsOfWorkerDay[w][d]
                // At most so many shifts a day, and none on a day off: Σ z ≤ max · works. Tighter than
                // Σ z ≤ max beside z ≤ works, whose relaxation lets half a working day hold half a
                // late shift and half an on-call night (the recovery example's relaxation: 450.8
                // without, 786.8 with; see docs/solvers.md).
                if hs.count > inst.rules.maxShiftsPerDay {
                    let k = Double(inst.rules.maxShiftsPerDay)
                    row("shifts_a_day(\(lb.worker(w)),d\(d))", hs.map { shiftVar[$0][w]! } + [workDay[w][d]],
                        Array(repeating: 1, count: hs.count) + [-k], .lessOrEqual, 0)
                }
                guard d + 1 < days else { continue }
                for h1 in hs {
                    let t1 = inst.shiftTypes[inst.shifts[h1].type]
                    let bad = shiftsOfWorkerDay[w][d + 1].filter { t1.cannotFollow.contains(inst.shifts[$0].type) }
                    for h2 in bad {
                        row("cannot_follow(\(lb.worker(w)),\(lb.shift(h1)),\(lb.shift(h2)))", [shiftVar[h1][w]!, shiftVar[h2][w]!],
                            [1, 1], .lessOrEqual, 1)
                    }
                }
            }
            for (t, limit) in worker.maxShifts.enumerated() {
                guard let limit else { continue }
                let zs = inst.shifts.indices.filter { inst.shifts[$0].type == t }.compactMap { shiftVar[$0][w] }
                if zs.count > limit {
                    row("max_shifts(\(lb.worker(w)),\(lb.shiftType(t)))", zs, Array(repeating: 1, count: zs.count), .lessOrEqual, Double(limit))
                }
            }
        }

        // Weekends (H9).
        var weekend = [[Int: Variable]](repeating: [:], count: nW)
        for (w, worker) in inst.workers.enumerated() {
            guard let mw = worker.maxWeekends else { continue }
            var keys: [Int: [Int]] = [:]
            for d in 0..<days { if let k = inst.weekend(ofDay: d) { keys[k, default: []].append(d) } }
            var wes: [Variable] = []
            for k in keys.keys.sorted() {
                let ds = keys[k]!
                guard ds.contains(where: { m.upperBound(of: workDay[w][$0]) > 0 }) else { continue }
                let we = m.addBinary(name: nm.column { "weekend(\(lb.worker(w)),d\(k))" })
                weekend[w][k] = we
                wes.append(we)
                for d in ds { row("weekend_day(\(lb.worker(w)),d\(d))", [workDay[w][d], we], [1, -1], .lessOrEqual, 0) }
            }
            row("max_weekends(\(lb.worker(w)))", wes, Array(repeating: 1, count: wes.count), .lessOrEqual, Double(mw - worker.historyWeekends))
        }

        // Runs of days (H10): the run network in the exact model, window rows in the soft one
        // (whose minimums must be relaxable).
        var runArcs = [[RunArc]](repeating: [], count: nW)
        for (w, worker) in inst.workers.enumerated() {
            let wd = workDay[w]
            if !soft && o.runNetwork, let arcs = addRunNetwork(&m, wd: wd, names: &nm, worker: lb.worker(w), maxRun: worker.maxConsecutiveDays,
                                                               minRun: worker.minConsecutiveDays, minOff: worker.minConsecutiveDaysOff) {
                runArcs[w] = arcs
                continue
            }
            let mx = worker.maxConsecutiveDays
            if mx < days {
                for d0 in 0...(days - mx - 1) {
                    let vs = (d0...(d0 + mx)).map { wd[$0] }
                    row("max_run(\(lb.worker(w)),d\(d0))", vs, Array(repeating: 1, count: vs.count), .lessOrEqual, Double(mx))
                }
            }
            let k = worker.minConsecutiveDays
            if k >= 2 {
                for d in 1..<days { for j in 1..<k where d + j <= days - 1 {
                    minimumRow("min_run(\(lb.worker(w)),d\(d),\(j))", [wd[d], wd[d - 1], wd[d + j]], [1, -1, -1], .lessOrEqual, 0, scale: 1)
                } }
            }
            let koff = worker.minConsecutiveDaysOff
            if koff >= 2 {
                for d in 1..<days { for j in 1..<koff where d + j <= days - 1 {
                    minimumRow("min_off(\(lb.worker(w)),d\(d),\(j))", [wd[d - 1], wd[d], wd[d + j]], [1, -1, 1], .lessOrEqual, 1, scale: 1)
                } }
            }
        }

        // Working minutes (H7) and overtime.
        var overtime = [[Variable?]](repeating: Array(repeating: nil, count: inst.weeks), count: nW)
        for (w, worker) in inst.workers.enumerated() {
            var weekTerms = [[(Variable, Double)]](repeating: [], count: inst.weeks)
            for d in 0..<days {
                let k = inst.week(ofDay: d)
                for i in o.blocking[w][d] { weekTerms[k].append((nodes[i].variable, Double(nodes[i].minutes))) }
                for h in o.standby[w][d] { weekTerms[k].append((shiftVar[h][w]!, Double(inst.shiftTypes[inst.shifts[h].type].counted))) }
                for a in arcsOfDay[w][d] where arcs[a].minutes != 0 { weekTerms[k].append((arcs[a].variable, Double(arcs[a].minutes))) }
            }
            // The minutes of the worker's (non-standby) shift types: the divisors of the rounding rows.
            let shiftMinutes = Set((0..<days).flatMap { d in o.blocking[w][d].compactMap { i -> Int? in
                if case .shift = nodes[i].kind { return nodes[i].minutes } else { return nil }
            } }).sorted()
            func roundingRows(_ name: @autoclosure () -> String, _ vs: [Variable], _ cs: [Double], _ sense: ConstraintSense, _ rhs: Double,
                              slack: Variable? = nil) {
                for delta in shiftMinutes {
                    guard let cut = Self.mixedIntegerRounding(cs, sense == .lessOrEqual ? rhs : -rhs, sign: sense == .lessOrEqual ? 1 : -1,
                                                              slack: slack != nil, divisor: Double(delta)) else { continue }
                    let keep = cut.coefficients.indices.filter { cut.coefficients[$0] != 0 }
                    row("\(name())_in_\(delta)", keep.map { vs[$0] } + (slack.map { [$0] } ?? []),
                        keep.map { cut.coefficients[$0] } + (slack != nil ? [cut.slack] : []), .lessOrEqual, cut.rhs)
                }
            }
            var total: [(Variable, Double)] = []
            for k in 0..<inst.weeks {
                let t = weekTerms[k]
                total += t
                let vs = t.map(\.0), cs = t.map(\.1)
                if !t.isEmpty {
                    row("max_week(\(lb.worker(w)),\(k))", vs, cs, .lessOrEqual, Double(worker.maxWeeklyMinutes))
                    roundingRows("max_week(\(lb.worker(w)),\(k))", vs, cs, .lessOrEqual, Double(worker.maxWeeklyMinutes))
                }
                if worker.minWeeklyMinutes > 0 {
                    minimumRow("min_week(\(lb.worker(w)),\(k))", vs, cs, .greaterOrEqual, Double(worker.minWeeklyMinutes), scale: 1.0 / 60)
                    if !soft { roundingRows("min_week(\(lb.worker(w)),\(k))", vs, cs, .greaterOrEqual, Double(worker.minWeeklyMinutes)) }
                }
                if let contract = worker.contractMinutes, !t.isEmpty {
                    let ot = m.addVariable(name: nm.column { "overtime(\(lb.worker(w)),\(k))" }, lower: 0, objective: Double(wt.overtimeMinute))
                    overtime[w][k] = ot
                    row("contract(\(lb.worker(w)),\(k))", vs + [ot], cs + [-1], .lessOrEqual, Double(contract))
                    roundingRows("contract(\(lb.worker(w)),\(k))", vs, cs, .lessOrEqual, Double(contract), slack: ot)
                }
            }
            let (tv, tc) = (total.map(\.0), total.map(\.1))
            if let mx = worker.maxTotalMinutes {
                row("max_total(\(lb.worker(w)))", tv, tc, .lessOrEqual, Double(mx))
                roundingRows("max_total(\(lb.worker(w)))", tv, tc, .lessOrEqual, Double(mx))
            }
            if worker.minTotalMinutes > 0 {
                minimumRow("min_total(\(lb.worker(w)))", tv, tc, .greaterOrEqual, Double(worker.minTotalMinutes), scale: 1.0 / 60)
                if !soft { roundingRows("min_total(\(lb.worker(w)))", tv, tc, .greaterOrEqual, Double(worker.minTotalMinutes)) }
            }
        }

        // Fairness.
        var fairness: [(type: Int, max: Variable, min: Variable, workers: [Int])] = []
        for (t, type) in inst.shiftTypes.enumerated() where type.fairness {
            let hs = inst.shifts.indices.filter { inst.shifts[$0].type == t }
            guard !hs.isEmpty else { continue }
            let elig = inst.workers.indices.filter { w in
                hs.contains { h in inst.workers[w].hasSkills(inst.shifts[h].skills) }
            }
            guard !elig.isEmpty else { continue }
            let mx = m.addVariable(name: nm.column { "most(\(type.id))" }, lower: 0, objective: Double(wt.fairness))
            let mn = m.addVariable(name: nm.column { "fewest(\(type.id))" }, lower: 0, objective: -Double(wt.fairness))
            for w in elig {
                let zs = hs.compactMap { shiftVar[$0][w] }
                let hist = Double(inst.workers[w].historyShiftCounts[t])
                row("most(\(type.id),\(lb.worker(w)))", zs + [mx], Array(repeating: 1, count: zs.count) + [-1], .lessOrEqual, -hist)
                row("fewest(\(type.id),\(lb.worker(w)))", zs + [mn], Array(repeating: 1, count: zs.count) + [-1], .greaterOrEqual, -hist)
            }
            fairness.append((t, mx, mn, elig))
        }

        // Requests.
        var requestVar = [[Variable?]](repeating: [], count: nW)
        for (w, worker) in inst.workers.enumerated() {
            for (ri, r) in worker.requests.enumerated() {
                var zsShifts: [Int] = []
                if r.day >= 0 && r.day < days {
                    zsShifts = shiftsOfWorkerDay[w][r.day].filter { r.shiftType == nil || inst.shifts[$0].type == r.shiftType }
                }
                let zs = zsShifts.map { shiftVar[$0][w]! }
                if zs.isEmpty {
                    if r.on { constant += Double(r.weight) }
                    requestVar[w].append(nil); continue
                }
                let br = m.addVariable(name: nm.column { "request_broken(\(lb.worker(w)),\(ri))" }, lower: 0, upper: 1, objective: Double(r.weight))
                requestVar[w].append(br)
                if r.on {
                    row("request_on(\(lb.worker(w)),\(ri))", zs + [br], Array(repeating: 1, count: zs.count + 1), .greaterOrEqual, 1)
                } else {
                    for (h, z) in zip(zsShifts, zs) { row("request_off(\(lb.worker(w)),\(ri),\(lb.shift(h)))", [z, br], [1, -1], .lessOrEqual, 0) }
                }
            }
        }

        // Rooms (H5): time-point cliques per venue.
        var byVenue = [[Int]](repeating: [], count: inst.venues.count)
        for (pi, p) in o.placements.enumerated() { if let v = p.venue { byVenue[v].append(pi) } }
        for (v, list) in byVenue.enumerated() where list.count > inst.venues[v].rooms {
            let iv: (Int) -> Interval = { pi in Interval(o.placements[pi].start, o.placements[pi].start + inst.sessions[o.placements[pi].session].duration) }
            let points = Array(Set(list.map { iv($0).start })).sorted()
            let byStart = list.sorted { iv($0).start < iv($1).start }
            var active: [Int] = []
            var next = 0
            for (pIdx, t) in points.enumerated() {
                while next < byStart.count && iv(byStart[next]).start <= t { active.append(byStart[next]); next += 1 }
                active.removeAll { iv($0).end <= t }
                if pIdx + 1 < points.count, active.allSatisfy({ iv($0).end > points[pIdx + 1] }) { continue }
                let sess = Set(active.map { o.placements[$0].session })
                guard sess.count > inst.venues[v].rooms else { continue }
                row("rooms(\(inst.venues[v].id),\(lb.time(t)))", active.map { y[$0] }, Array(repeating: 1, count: active.count), .lessOrEqual,
                    Double(inst.venues[v].rooms))
            }
        }

        m.objectiveConstant = constant
        var penalty = 0.0
        if soft {
            var largest = 0.0
            for j in 0..<m.numVariables { largest = max(largest, abs(m.objectiveCoefficient(of: Variable(index: j)))) }
            penalty = 10 * max(1, largest)
            for (r, scale) in zip(softRows, softScale) { m.setObjectiveCoefficient(penalty * scale, for: r.slack) }
        }
        return RotaFormulation(model: m, instance: inst, options: o, y: y, leadVar: leadVar, helperVar: helperVar,
                               unassigned: unassigned, shiftVar: shiftVar, allocVar: allocVar, continuityVar: continuityVar,
                               arcs: arcs, arcsOfDay: arcsOfDay, workDay: workDay, runArcs: runArcs, weekend: weekend, overtime: overtime,
                               fairness: fairness, requestVar: requestVar, under: under, over: over, placementKey: key,
                               softRows: softRows, softPenalty: penalty)
    }

    /// The mixed-integer rounding (MIR) inequality of a row `sign·Σ cᵢxᵢ − s ≤ rhs` over integer
    /// xᵢ ≥ 0 and, when `slack`, a continuous s ≥ 0 (otherwise no s), with divisor δ:
    ///
    ///     Σ F(sign·cᵢ/δ) xᵢ − s / (δ(1 − f)) ≤ ⌊rhs/δ⌋,   F(a) = ⌊a⌋ + max(0, frac(a) − f)/(1 − f),  f = frac(rhs/δ)
    ///
    /// (Marchand and Wolsey 2001). Valid for every integer point of the row, and on weekly minutes
    /// it is what the linear relaxation misses: a 37-hour contract (2,220 minutes) holds 4.93 shifts
    /// of 450 minutes, but 4 whole ones, and the fifth costs 30 minutes of overtime
    /// (`Σ shifts − overtime/30 ≤ 4`). Nil when it adds little: rhs/δ whole (or nearly), or fewer
    /// than two terms whose rounded coefficient is a whole divisor or more.
    static func mixedIntegerRounding(_ coefficients: [Double], _ rhs: Double, sign: Double, slack: Bool,
                                     divisor delta: Double) -> (coefficients: [Double], slack: Double, rhs: Double)? {
        let beta = rhs / delta
        let f = beta - beta.rounded(.down)
        guard f > 1e-6, f < 1 - 1e-3 else { return nil }
        var big = 0
        let out = coefficients.map { c -> Double in
            let a = sign * c / delta
            let fa = a - a.rounded(.down)
            let v = a.rounded(.down) + max(0, fa - f) / (1 - f)
            if abs(v) >= 1 { big += 1 }
            return abs(v) < 1e-9 ? 0 : v
        }
        guard big >= 2 else { return nil }
        return (out, slack ? -1 / (delta * (1 - f)) : 0, beta.rounded(.down))
    }
}

