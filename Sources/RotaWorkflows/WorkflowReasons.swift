import RotaChecker
import RotaModel

/// Why an unassigned session could not be placed, computed from the rota as it stands: for its
/// best candidate workers, the first thing that stops each of them (leave, skills, exclusion,
/// availability, being busy elsewhere with travel, rooms, weekly minutes, caseload).
public enum WorkflowReasons {
    /// Plain sentences, the case's allocated and preferred workers first, then the workers
    /// closest to fitting. Case ids only (never a case's name).
    public static func reasons(for s: Int, in e: Evaluation, limit: Int = 5) -> [String] {
        let inst = e.instance
        let info = inst.sessions[s]
        let caseInfo = inst.cases[info.caseIndex]
        var starts = inst.candidateStarts(info)
        if let f = inst.freezeBefore {
            let before = starts.count
            starts = starts.filter { $0 >= f }
            if starts.isEmpty && before > 0 {
                return ["every start in its windows is before the freeze (\(inst.format(f))), so it cannot be added now"]
            }
        }
        if starts.isEmpty {
            return ["no start on the \(inst.scenario.slotMinutes)-minute grid fits \(info.duration) min inside its windows"]
        }
        let hh = { (t: Int) in WorkflowSupport.hhmm(inst, t) }
        // Venue hours and rooms, against the sessions already placed.
        let venues: [Int?] = info.venues.isEmpty ? [nil] : info.venues.map { Optional($0) }
        var placeable: [(Int, Int?)] = []
        var venueLines: [String] = []
        for v in venues {
            var any = false
            var closed = 0, full = 0
            for t in starts {
                let iv = Interval(t, t + info.duration)
                if let v {
                    if let open = inst.venues[v].open, !open.containsWhole(iv) { closed += 1; continue }
                    if roomsInUse(v, iv, e, except: s) >= inst.venues[v].rooms { full += 1; continue }
                }
                any = true
                placeable.append((t, v))
            }
            if !any, let v {
                let id = inst.venues[v].id
                let day = WorkflowSupport.date(inst, starts[0])
                venueLines.append(full > 0
                    ? "venue \(id) has no free room \(hh(starts.first!))-\(hh(starts.last! + info.duration)) on \(day)"
                    : "venue \(id) is not open at the session's times on \(day)")
            }
        }
        var ranked: [(priority: Int, depth: Int, w: Int, message: String)] = []
        let allocated = e.assignment.allocatedWorker(ofCase: info.caseIndex, in: inst)
        let needsDriver = info.transportFrom != nil
        var eligible = 0
        for (w, wk) in inst.workers.enumerated() {
            let priority = (w == allocated ? 2 : 0) + (info.preferred.contains(w) ? 1 : 0)
            if caseInfo.excluded.contains(w) {
                ranked.append((priority, 0, w, "\(wk.id) is excluded from case \(caseInfo.id)")); continue
            }
            let missing = info.skills.filter { !wk.skills.contains($0) }
            if !missing.isEmpty {
                ranked.append((priority, 0, w, "\(wk.id) lacks skill \(missing.joined(separator: ", "))")); continue
            }
            eligible += 1
            if needsDriver && info.workersNeeded == 1 && !wk.skills.contains("driver") {
                ranked.append((priority, 0, w, "\(wk.id) lacks skill driver (the session has transport)")); continue
            }
            var best: (Int, String)?
            var fits: (Int, Int?)?
            for (t, v) in placeable {
                if let b = blocker(s, w, t, v, e) {
                    if best == nil || b.0 > best!.0 { best = b }
                } else { fits = (t, v); break }
            }
            if let (t, v) = fits {
                let at = v.map { " at \(inst.venues[$0].id)" } ?? ""
                ranked.append((priority, 9, w, "\(wk.id) looks free \(WorkflowSupport.date(inst, t)) \(hh(t))\(at): the solver left it (it may clash with shift cover, rest or run rules, or cost more than it saves)"))
            } else if let best {
                ranked.append((priority, best.0, w, best.1))
            }
        }
        ranked.sort { a, b in
            if a.priority != b.priority { return a.priority > b.priority }
            if a.depth != b.depth { return a.depth > b.depth }
            return a.w < b.w
        }
        var out: [String] = []
        if eligible < info.workersNeeded {
            let need = info.skills.isEmpty ? "" : " with \(info.skills.joined(separator: ", "))"
            out.append("only \(eligible) worker(s)\(need) may take case \(caseInfo.id); it needs \(info.workersNeeded)")
        }
        out += venueLines.prefix(2)
        if placeable.isEmpty && venueLines.isEmpty { out.append("no venue is open with a free room at any start") }
        for r in ranked where out.count < limit { out.append(r.message) }
        return out
    }

    /// Sessions of the rota running at venue `v` during `iv` at the busiest minute.
    static func roomsInUse(_ v: Int, _ iv: Interval, _ e: Evaluation, except: Int) -> Int {
        let inst = e.instance
        var events: [(Int, Int)] = []
        for (k, p) in e.assignment.sessions.enumerated() where k != except {
            guard let p, p.venue == v else { continue }
            let o = Interval(p.start, p.start + inst.sessions[k].duration)
            guard o.overlaps(iv) else { continue }
            events.append((max(o.start, iv.start), 1)); events.append((min(o.end, iv.end), -1))
        }
        events.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        var cur = 0, peak = 0
        for (_, d) in events { cur += d; peak = max(peak, cur) }
        return peak
    }

    /// The first thing that stops worker `w` leading session `s` at `t`, `v`, with a depth
    /// (higher = closer to fitting); nil when nothing does.
    static func blocker(_ s: Int, _ w: Int, _ t: Int, _ v: Int?, _ e: Evaluation) -> (Int, String)? {
        let inst = e.instance
        let info = inst.sessions[s]
        let wk = inst.workers[w]
        let loc = inst.sessionLocation(info, venue: v, lead: w)
        var iv = Interval(t, t + info.duration)
        var startLoc = loc, endLoc = loc
        if let from = info.transportFrom, wk.skills.contains("driver") || info.workersNeeded == 1 {
            iv = Interval(t - inst.travel.minutes(from, loc), iv.end + inst.travel.minutes(loc, from))
            startLoc = from; endLoc = from
        }
        let hh = { (x: Int) in WorkflowSupport.hhmm(inst, x) }
        for (k, u) in wk.unavailable.enumerated() where u.overlaps(iv) {
            let why = wk.unavailableReasons.indices.contains(k) ? wk.unavailableReasons[k] : ""
            return (1, "\(wk.id) is on leave\(why.isEmpty ? "" : " (\(why))") \(inst.format(u.start)) to \(inst.format(u.end))")
        }
        if let av = wk.availability, !av.containsWhole(iv) {
            return (2, "\(wk.id) is not available \(WorkflowSupport.date(inst, iv.start)) \(hh(iv.start))-\(hh(iv.end))")
        }
        let day = inst.clock.dayIndex(of: t)
        for a in e.activities[w] where a.blocking {
            let name = e.name(a)
            if a.interval.start <= iv.start {
                let need = inst.travel.minutes(a.endLocation, startLoc)
                if iv.start < a.interval.end + need {
                    return (3, "\(wk.id) is busy with \(name) until \(hh(a.interval.end)) and needs \(need) min travel (the session would start at \(hh(t)))")
                }
            } else {
                let need = inst.travel.minutes(endLoc, a.startLocation)
                if a.interval.start < iv.end + need {
                    return (3, "\(wk.id) has \(name) from \(hh(a.interval.start)), \(need) min travel away (the session would end at \(hh(iv.end)))")
                }
            }
            if a.day != day {
                let gap = a.interval.start <= iv.start ? iv.start - a.interval.end : a.interval.start - iv.end
                if gap < inst.rules.minRestMinutes {
                    return (3, "\(wk.id) would rest only \(gap) min next to \(name); the rule is \(inst.rules.minRestMinutes)")
                }
            }
        }
        if day >= 0 && day < inst.days {
            let week = inst.week(ofDay: day)
            let add = iv.length + info.reportMinutes
            let now = e.weekMinutes[w][week]
            if now + add > wk.maxWeeklyMinutes {
                return (4, "\(wk.id) would work at least \(now + add) min in week \(week + 1), over their weekly limit of \(wk.maxWeeklyMinutes)")
            }
            if let mx = wk.maxTotalMinutes, e.weekMinutes[w].reduce(0, +) + add > mx {
                return (4, "\(wk.id) would exceed their \(mx) min over the horizon")
            }
        }
        if let cap = wk.caseloadCap, e.assignment.allocatedWorker(ofCase: info.caseIndex, in: inst) == nil {
            let load = wk.caseloadOther + inst.cases.indices.filter { e.assignment.allocatedWorker(ofCase: $0, in: inst) == w }.count
            if load >= cap { return (5, "\(wk.id)'s caseload is full (\(load) of cap \(cap))") }
        }
        return nil
    }
}
