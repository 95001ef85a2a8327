import RotaModel
import RotaChecker

/// The search's random numbers (shared with every other randomised search in rota).
typealias SplitMix64 = SeededGenerator

/// The last evaluation of one worker's timeline with an activity inserted (`actDelta`).
struct DeltaMemo {
    var index = -1
    var day = Int.min
    var delta: Int?
}

struct Insertion {
    var placement: SessionPlacement
    var delta: Int
}

extension Engine {
    /// Score change of adding activity `x` to worker `w` (nil when a strict rule breaks).
    func actDelta(_ w: Int, _ x: WAct, lambda: Int) -> Int? {
        var memo = DeltaMemo()
        return actDelta(w, x, lambda: lambda, memo: &memo)
    }

    /// `actDelta` for a run of activities of one worker that differ only in their times (one
    /// session at successive starts, one venue): the evaluation depends on the timeline's order,
    /// the day, the places and the minutes, not on the times, so it is reused while the activity
    /// takes the same place in the timeline. The pairwise rules (`fits`) are checked every time.
    func actDelta(_ w: Int, _ x: WAct, lambda: Int, memo: inout DeltaMemo) -> Int? {
        guard fits(w, x) else { return nil }
        let idx = insertionIndex(w, x)
        if memo.index == idx && memo.day == x.day { return memo.delta }
        acts[w].insert(x, at: idx)
        let e = evaluate(w)
        acts[w].remove(at: idx)
        let delta = e.ok ? (e.cost - wev[w].cost) + lambda * (e.penalty - wev[w].penalty) : nil
        memo = DeltaMemo(index: idx, day: x.day, delta: delta)
        return delta
    }

    /// The cheapest valid placement of unassigned session `s`, by the objective's own terms.
    /// `noise` (0 = none) perturbs the comparison for diversification.
    func bestInsertion(_ s: Int, lambda: Int, rng: inout SplitMix64, noise: Int = 0, maxLeads: Int = 3) -> Insertion? {
        let info = inst.sessions[s]
        let c = info.caseIndex
        let venues: [Int?] = info.venues.isEmpty ? [nil] : info.venues.map { Optional($0) }
        let elig = eligibleWorkers[s]
        let needsDriver = info.transportFrom != nil
        var best: Insertion?
        let base = sessCostCache[s]
        if alloc[c] == nil && !inst.workers.indices.contains(where: { canAllocate(c, $0) }) { return nil }
        let leadCandidates = needsDriver ? elig.filter { rules[$0].driver } : elig
        if leadCandidates.isEmpty { return nil }
        // Lead candidates: all of them when others must join, else only the cheapest.
        let single = info.workersNeeded == 1
        for v in venues {
            // One memo per lead worker at this venue (starts are visited in order).
            var memos = [DeltaMemo](repeating: DeltaMemo(), count: leadCandidates.count)
            // The lead's activity is the same for every lead unless the session is at the lead's base.
            let atBase = v == nil && info.transportFrom == nil
            for t in starts[s] {
                if let v, !venueFits(v, t, t + info.duration) { continue }
                // Where rooms are short (`packBias`): does this start leave no gap beside it?
                let packs = packBias == 0 || v == nil || info.windows.contains { $0.start == t || $0.end == t + info.duration }
                    || meetsSession(v!, t, t + info.duration, ignoring: s)
                let shared = atBase ? nil : sessionAct(s, worker: leadCandidates[0], lead: true, start: t, venue: v, leadWorker: leadCandidates[0])
                var leads: [(Int, Int)] = []
                var cheapest: (Int, Int)?
                for (i, w) in leadCandidates.enumerated() {
                    let x = shared ?? sessionAct(s, worker: w, lead: true, start: t, venue: v, leadWorker: w)
                    guard var d = actDelta(w, x, lambda: lambda, memo: &memos[i]) else { continue }
                    // Continuity against the allocation the case will have.
                    var sc = sessionCost(s, lead: w, start: t, venue: v)
                    if alloc[c] == nil, !canAllocate(c, w) { sc += wt.continuity }
                    d += sc - base
                    if noise > 0 { d += rng.int(noise) }
                    if startBias != 0 { d += startBias * (t - starts[s][0]) / 15 }
                    if !packs { d += packBias }
                    if single {
                        if cheapest == nil || (d, w) < cheapest! { cheapest = (d, w) }
                    } else {
                        leads.append((d, w))
                    }
                }
                if single {
                    if let (d, w) = cheapest, best == nil || d < best!.delta {
                        best = Insertion(placement: SessionPlacement(workers: [w], start: t, venue: v), delta: d)
                    }
                    continue
                }
                if leads.isEmpty { continue }
                leads.sort { $0 < $1 }
                for (dl, lead) in leads.prefix(maxLeads) {
                    if let b = best, dl >= b.delta { break }
                    var others: [(Int, Int)] = []
                    for w in elig where w != lead {
                        let x = sessionAct(s, worker: w, lead: false, start: t, venue: v, leadWorker: lead)
                        guard let d = actDelta(w, x, lambda: lambda) else { continue }
                        others.append((d + (noise > 0 ? rng.int(noise) : 0), w))
                    }
                    let need = info.workersNeeded - 1
                    if others.count < need { continue }
                    others.sort { $0 < $1 }
                    let total = dl + others.prefix(need).reduce(0) { $0 + $1.0 }
                    if best == nil || total < best!.delta {
                        best = Insertion(placement: SessionPlacement(workers: [lead] + others.prefix(need).map(\.1), start: t, venue: v),
                                         delta: total)
                    }
                }
            }
        }
        return best
    }

    /// Score change of adding worker `w` to shift `h` (nil when not allowed).
    func shiftAddDelta(_ h: Int, _ w: Int, lambda: Int) -> Int? {
        let before = score(lambda)
        guard addShift(h, w) else { return nil }
        let after = score(lambda)
        removeShift(h, w)
        return after - before
    }

    /// Difficulty order of sessions: fixed first (handled apart), mandatory, fewest workers,
    /// tightest windows, highest unassigned cost.
    func sessionOrder(_ list: [Int]) -> [Int] {
        list.sorted { a, b in
            let ia = inst.sessions[a], ib = inst.sessions[b]
            if ia.mandatory != ib.mandatory { return ia.mandatory }
            var ea = eligibleWorkers[a].count - ia.workersNeeded, eb = eligibleWorkers[b].count - ib.workersNeeded
            if roomsFirst { ea = min(ea, Self.fewWorkers); eb = min(eb, Self.fewWorkers) }
            if ea != eb { return ea < eb }
            // Most unassigned cost per minute first: where rooms are short, the time a long session
            // takes may hold two short ones.
            let da = ia.unassignedCost * ib.duration, db = ib.unassignedCost * ia.duration
            if da != db { return da > db }
            let sa = starts[a].count * max(1, ia.venues.count), sb = starts[b].count * max(1, ib.venues.count)
            if sa != sb { return sa < sb }
            if ia.unassignedCost != ib.unassignedCost { return ia.unassignedCost > ib.unassignedCost }
            return a < b
        }
    }

    /// Pinned sessions, pinned shift workers and frozen baseline work, placed as they are.
    func placeFixed() {
        let freeze = inst.freezeBefore
        for (s, info) in inst.sessions.enumerated() {
            if let pin = info.pinned {
                place(s, SessionPlacement(workers: pin.workers, start: pin.start, venue: pin.venue), force: true)
            } else if let f = freeze, let b = baseline?.sessions[s], b.start < f {
                place(s, b, force: true)
            }
        }
        for h in 0..<nH {
            for w in fixedShiftWorkers[h].sorted() where !shiftW[h].contains(w) { addShift(h, w, force: true) }
        }
    }

    /// Chooses a worker for each case with no allocated worker and sessions to place: the one
    /// eligible for most of its sessions, within the caseload cap, least loaded.
    func preallocate() {
        var todo: [(Int, [Int])] = []
        for (c, cs) in inst.cases.enumerated() where cs.allocatedWorker == nil && alloc[c] == nil {
            let ss = sessionsOfCase[c]
            if ss.isEmpty { continue }
            var score = [Int: Int]()
            for s in ss { for w in eligibleWorkers[s] { score[w, default: 0] += 1 } }
            // A fixed session's lead is the natural choice.
            for s in ss { if let p = sess[s] { score[p.lead, default: 0] += 100 } }
            let cands = score.keys.filter { canAllocate(c, $0) }.sorted {
                (score[$0]!, -caseload[$0], -$0) > (score[$1]!, -caseload[$1], -$1)
            }
            todo.append((c, cands))
        }
        todo.sort { ($0.1.count, $0.0) < ($1.1.count, $1.0) }
        for (c, cands) in todo {
            if let w = cands.first(where: { canAllocate(c, $0) }) { setAllocation(c, w) }
        }
    }

    /// Re-chooses allocations (cases with no given worker) to the worker leading most sessions.
    func reallocate() {
        for (c, cs) in inst.cases.enumerated() where cs.allocatedWorker == nil {
            var leads = [Int: Int]()
            var any = false
            for s in sessionsOfCase[c] { if let p = sess[s] { leads[p.lead, default: 0] += 1; any = true } }
            if !any { if alloc[c] != nil { setAllocation(c, nil) }; continue }
            let cur = alloc[c].map { leads[$0] ?? 0 } ?? -1
            if let (w, n) = leads.sorted(by: { ($0.value, -$0.key) > ($1.value, -$1.key) }).first(where: { canAllocate(c, $0.key) }),
               n > cur {
                setAllocation(c, w)
            }
        }
    }

    /// Shifts day by day, each filled towards `required` (at least `min`) with the cheapest workers.
    func constructShifts(lambda: Int, minimumOnly: Bool = false) {
        let order = (0..<nH).sorted { a, b in
            let ha = inst.shifts[a], hb = inst.shifts[b]
            if ha.day != hb.day { return ha.day < hb.day }
            if eligibleShiftWorkers[a].count != eligibleShiftWorkers[b].count { return eligibleShiftWorkers[a].count < eligibleShiftWorkers[b].count }
            return a < b
        }
        for h in order where !shiftClosed[h] { fillShift(h, lambda: lambda, upTo: minimumOnly ? inst.shifts[h].min : nil) }
    }

    /// Adds the cheapest workers to shift `h` while that lowers the score (or `min` is not met).
    func fillShift(_ h: Int, lambda: Int, upTo: Int? = nil) {
        do {
            let sh = inst.shifts[h]
            while shiftW[h].count < min(sh.max, upTo ?? sh.max) {
                var best: (Int, Int)?
                for w in eligibleShiftWorkers[h] where !shiftW[h].contains(w) {
                    guard let d = shiftAddDelta(h, w, lambda: lambda) else { continue }
                    if best == nil || d < best!.0 { best = (d, w) }
                }
                guard let (d, w) = best else { break }
                if d >= 0 && shiftW[h].count >= sh.min { break }
                addShift(h, w)
            }
        }
    }

    /// Warm start: keep what a previous rota did where it is still valid.
    func placeStart(_ a: Assignment) {
        guard a.sessions.count == nS, a.shiftWorkers.count == nH else { return }
        for h in 0..<nH where !shiftClosed[h] {
            for w in a.shiftWorkers[h] where w >= 0 && w < nW && !shiftW[h].contains(w) { addShift(h, w) }
        }
        for s in 0..<nS where sess[s] == nil && !fixedSession[s] {
            guard let p = a.sessions[s], p.workers.count == inst.sessions[s].workersNeeded,
                  p.workers.allSatisfy({ eligibleWorkers[s].contains($0) }),
                  starts[s].contains(p.start) else { continue }
            let info = inst.sessions[s]
            if info.venues.isEmpty ? p.venue != nil : !(p.venue.map(info.venues.contains) ?? false) { continue }
            if info.transportFrom != nil && !inst.workers[p.lead].skills.contains("driver") { continue }
            place(s, p)
        }
    }

    func constructSessions(lambda: Int, rng: inout SplitMix64, minCost: Int = Int.min) {
        let todo = sessionOrder((0..<nS).filter { sess[$0] == nil && !fixedSession[$0] && inst.sessions[$0].unassignedCost > minCost })
        for s in todo {
            if let ins = bestInsertion(s, lambda: lambda, rng: &rng), ins.delta < 0 {
                place(s, ins.placement)
            }
        }
    }
}
