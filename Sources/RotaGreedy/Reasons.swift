import RotaModel
import RotaChecker

extension Engine {
    func hhmm(_ abs: Int) -> String { formatClockTime(inst.clock.minuteOfDay(abs)) }

    /// Why worker `w` cannot lead (or join) session `s` at `t`, `v`: a depth (higher = closer to
    /// fitting) and a sentence; nil when it fits.
    func blocker(_ s: Int, _ w: Int, _ t: Int, _ v: Int?, lead: Bool) -> (Int, String)? {
        let info = inst.sessions[s]
        let wk = inst.workers[w]
        let x = sessionAct(s, worker: w, lead: lead, start: t, venue: v, leadWorker: w)
        let iv = Interval(x.start, x.end)
        for (k, u) in wk.unavailable.enumerated() where u.overlaps(iv) {
            return (1, "\(wk.id) is on leave (\(wk.unavailableReasons[k])) \(inst.format(u.start)) to \(inst.format(u.end))")
        }
        if let av = wk.availability, !av.containsWhole(iv) {
            return (2, "\(wk.id) is not available \(inst.format(iv.start))-\(hhmm(iv.end))")
        }
        let travel = inst.travel
        let rest = inst.rules.minRestMinutes
        for a in acts[w] where a.blocking {
            let name = a.item >= 0 ? inst.sessions[a.item].id : inst.shifts[-a.item - 1].id
            let (first, second) = (a.start, a.end) <= (x.start, x.end) ? (a, x) : (x, a)
            let need = travel.minutes(first.eLoc, second.sLoc)
            if second.start < first.end + need {
                if first.item == a.item {
                    return (3, "\(wk.id) is at \(inst.locationIDs[a.eLoc]) until \(hhmm(a.end)) (\(name)) and needs \(need) min travel")
                }
                return (3, "\(wk.id) has \(name) at \(inst.locationIDs[a.sLoc]) from \(hhmm(a.start)), \(need) min travel away")
            }
            if second.day > first.day && second.start - first.end < rest {
                return (3, "\(wk.id) would rest only \(second.start - first.end) min around \(name); needs \(rest)")
            }
        }
        do {
            let idx = insertionIndex(w, x)
            acts[w].insert(x, at: idx)
            let ev = evaluate(w)
            var weekMin = [Int](repeating: 0, count: max(1, inst.weeks))
            for a in acts[w] where a.day >= 0 && a.day < D { weekMin[a.day / 7] += a.minutes }
            acts[w].remove(at: idx)
            if !ev.ok {
                let wkIdx = max(0, min(weekMin.count - 1, x.day / 7))
                if weekMin[wkIdx] + 60 > wk.maxWeeklyMinutes {
                    return (4, "\(wk.id) would exceed \(wk.maxWeeklyMinutes) weekly minutes")
                }
                if let mx = wk.maxTotalMinutes, weekMin.reduce(0, +) + 60 > mx {
                    return (4, "\(wk.id) would exceed \(mx) minutes over the horizon")
                }
                return (4, "\(wk.id) would break a limit on weekends or days in a row")
            }
        }
        if lead, alloc[info.caseIndex] == nil, !canAllocate(info.caseIndex, w) {
            return (5, "\(wk.id) has no room in their caseload (cap \(wk.caseloadCap ?? 0))")
        }
        return nil
    }

    /// Plain-English reasons why session `s` is unassigned, for its best candidates (3-6 lines).
    func reasons(_ s: Int) -> [String] {
        let info = inst.sessions[s]
        if starts[s].isEmpty {
            if let f = inst.freezeBefore, !inst.candidateStarts(info).isEmpty {
                return ["every start in its windows is before the freeze (\(inst.format(f)))"]
            }
            return ["no start on the \(inst.scenario.slotMinutes)-minute grid fits \(info.duration) min inside its windows"]
        }
        var out: [String] = []
        var skillLines: [String] = []
        let excluded = inst.cases[info.caseIndex].excluded
        for (w, wk) in inst.workers.enumerated() where !eligibleWorkers[s].contains(w) {
            if excluded.contains(w) { skillLines.append("\(wk.id) is excluded from case \(inst.cases[info.caseIndex].id)"); continue }
            let missing = info.skills.filter { !wk.skills.contains($0) }
            if !missing.isEmpty { skillLines.append("\(wk.id) lacks \(missing.joined(separator: ", "))") }
        }
        if eligibleWorkers[s].count < info.workersNeeded {
            out.append("only \(eligibleWorkers[s].count) worker(s) have \(info.skills.isEmpty ? "no exclusion" : info.skills.joined(separator: ", ")); it needs \(info.workersNeeded)")
        }
        // Venue rooms and hours.
        let venues: [Int?] = info.venues.isEmpty ? [nil] : info.venues.map { Optional($0) }
        var openVenueStarts: [(Int, Int?)] = []
        var venueLines: [String] = []
        for v in venues {
            var anyOK = false
            var firstBad: Int?
            for t in starts[s] {
                if let v, !venueFits(v, t, t + info.duration) { if firstBad == nil { firstBad = t }; continue }
                anyOK = true
                openVenueStarts.append((t, v))
            }
            if !anyOK, let v, let t = firstBad {
                let ven = inst.venues[v]
                if let open = ven.open, !open.containsWhole(Interval(t, t + info.duration)) {
                    venueLines.append("\(ven.id) is not open at the session's times")
                } else {
                    let win = info.windows.first { $0.start <= t && t < $0.end } ?? Interval(t, t + info.duration)
                    venueLines.append("\(ven.id) has no free room \(hhmm(win.start))-\(hhmm(win.end)) on \(inst.clock.date(ofDay: inst.clock.dayIndex(of: t)))")
                }
            }
        }
        // Per worker: the blocker nearest to fitting.
        var best: [(Int, Int, String)] = []
        let needsDriver = info.transportFrom != nil
        for w in eligibleWorkers[s] {
            let wk = inst.workers[w]
            if needsDriver && !wk.skills.contains("driver") && info.workersNeeded == 1 {
                skillLines.append("\(wk.id) lacks driver (the session has transport)"); continue
            }
            var top: (Int, String)?
            var fitsSomewhere = false
            for (t, v) in openVenueStarts {
                if let b = blocker(s, w, t, v, lead: !needsDriver || wk.skills.contains("driver")) {
                    if top == nil || b.0 > top!.0 { top = b }
                } else { fitsSomewhere = true; break }
            }
            if fitsSomewhere { continue }
            if let top { best.append((top.0, w, top.1)) }
        }
        let allocated = inst.cases[info.caseIndex].allocatedWorker ?? alloc[info.caseIndex]
        best.sort { a, b in
            let pa = a.1 == allocated || info.preferred.contains(a.1), pb = b.1 == allocated || info.preferred.contains(b.1)
            if pa != pb { return pa }
            return (a.0, -a.1) > (b.0, -b.1)
        }
        var seenMsg = Set<String>()
        func push(_ m: String) { if out.count < 6 && seenMsg.insert(m).inserted { out.append(m) } }
        for b in best.prefix(3) { push(b.2) }
        if let leave = best.first(where: { $0.0 == 1 }) { push(leave.2) }
        for v in venueLines.prefix(1) { push(v) }
        for l in skillLines.prefix(out.count < 3 ? 2 : 1) { push(l) }
        for b in best.dropFirst(3) where out.count < 4 { push(b.2) }
        if out.isEmpty {
            if openVenueStarts.isEmpty { push("no venue has a free room at any start") }
            else { push("placing it would cost more than leaving it unassigned, or would break a minimum rule elsewhere") }
        }
        return out
    }
}
