import RotaModel

/// The objective's terms recomputed from the scenario and the assignment alone, with the items
/// behind each amount.
public struct ObjectiveBreakdown: Sendable {
    public var terms = Terms()
    public var items: [CostItem] = []
    public var total: Int { terms.total }
}

extension Evaluation {
    /// Every objective term of `rota-model.md` section 4.
    public func objective() -> ObjectiveBreakdown {
        var out = ObjectiveBreakdown()
        let inst = instance
        let wt = inst.weights
        func add(_ term: String, _ amount: Int, _ items: [String], _ message: String, _ kp: WritableKeyPath<Terms, Int>) {
            guard amount != 0 else { return }
            out.terms[keyPath: kp] += amount
            out.items.append(CostItem(term: term, amount: amount, items: items, message: message))
        }
        // Sessions: unassigned, continuity, preference.
        for (s, info) in inst.sessions.enumerated() {
            guard let p = assignment.sessions[s] else {
                add("unassigned", info.unassignedCost, [info.id], "\(info.id) is unassigned\(info.mandatory ? " (mandatory)" : "")", \.unassigned)
                continue
            }
            let lead = p.lead
            if let alloc = assignment.allocatedWorker(ofCase: info.caseIndex, in: inst), alloc != lead {
                add("continuity", wt.continuity, [info.id, inst.workers[lead].id],
                    "\(info.id) is led by \(inst.workers[lead].id), not the case's worker \(inst.workers[alloc].id)", \.continuity)
            }
            if !info.preferred.isEmpty && !info.preferred.contains(lead) {
                add("preference", wt.preference, [info.id, inst.workers[lead].id],
                    "\(info.id) is led by \(inst.workers[lead].id), not a preferred worker", \.preference)
            }
        }
        // Travel and overtime.
        for (w, worker) in inst.workers.enumerated() {
            let minutes = routeMinutes[w].reduce(0, +)
            add("travel", wt.travelMinute * minutes, [worker.id], "\(worker.id) travels \(minutes) min", \.travel)
            if let contract = worker.contractMinutes {
                for (k, m) in weekMinutes[w].enumerated() where m > contract {
                    add("overtime", wt.overtimeMinute * (m - contract), [worker.id],
                        "\(worker.id) works \(m - contract) min over contract in week \(k + 1)", \.overtime)
                }
            }
        }
        // Fairness.
        for (t, type) in inst.shiftTypes.enumerated() where type.fairness {
            let shiftsOfT = inst.shifts.filter { $0.type == t }
            guard !shiftsOfT.isEmpty else { continue }
            var lo = Int.max, hi = Int.min, loW = 0, hiW = 0
            for (w, worker) in inst.workers.enumerated()
            where shiftsOfT.contains(where: { sh in worker.hasSkills(sh.skills) }) {
                let c = worker.historyShiftCounts[t] + shiftCounts[w][t]
                if c < lo { lo = c; loW = w }
                if c > hi { hi = c; hiW = w }
            }
            if lo <= hi {
                add("fairness", wt.fairness * (hi - lo), [type.id],
                    "\(type.id) shares range from \(lo) (\(inst.workers[loW].id)) to \(hi) (\(inst.workers[hiW].id)), history included", \.fairness)
            }
        }
        // Requests.
        for (w, worker) in inst.workers.enumerated() {
            for r in worker.requests {
                let worked: Bool
                if r.day >= 0 && r.day < inst.days {
                    worked = shiftsOnDay[w][r.day].contains { r.shiftType == nil || inst.shifts[$0].type == r.shiftType }
                } else {
                    worked = false
                }
                if worked != r.on {
                    let what = r.shiftType.map { inst.shiftTypes[$0].id } ?? "any shift"
                    add("requests", r.weight, [worker.id], "\(worker.id) asked \(r.on ? "for" : "not to work") \(what) on \(inst.clock.date(ofDay: r.day))", \.requests)
                }
            }
        }
        // Cover.
        for (h, shift) in inst.shifts.enumerated() {
            let n = assignment.shiftWorkers[h].count
            if n < shift.required {
                add("cover", shift.underWeight * (shift.required - n), [shift.id], "\(shift.id) is \(shift.required - n) short of \(shift.required)", \.cover)
            } else if n > shift.required {
                add("cover", shift.overWeight * (n - shift.required), [shift.id], "\(shift.id) has \(n - shift.required) more than \(shift.required)", \.cover)
            }
        }
        // Stability.
        if let base = Assignment.baseline(of: inst) {
            for (s, info) in inst.sessions.enumerated() {
                let a = assignment.sessions[s], b = base.sessions[s]
                let changed: Bool
                switch (a, b) {
                case (nil, nil): changed = false
                case (let x?, let y?): changed = x.lead != y.lead || x.start != y.start || x.venue != y.venue
                default: changed = true
                }
                if changed { add("stability", wt.change, [info.id], "\(info.id) differs from the published rota", \.stability) }
            }
            for (h, shift) in inst.shifts.enumerated() {
                let now = Set(assignment.shiftWorkers[h]), was = Set(base.shiftWorkers[h])
                let diff = now.symmetricDifference(was).count
                if diff > 0 {
                    add("stability", wt.change * diff, [shift.id], "\(shift.id) gains or loses \(diff) worker(s) against the published rota", \.stability)
                }
            }
        }
        return out
    }
}
