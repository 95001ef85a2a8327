import RotaModel
import RotaChecker

/// One activity in a worker's timeline (solver-side mirror of the checker's `Activity`).
struct WAct {
    var start: Int
    var end: Int
    var sLoc: Int
    var eLoc: Int
    var day: Int
    var minutes: Int
    var blocking: Bool
    /// >= 0: session index; < 0: shift `-(h + 1)`.
    var item: Int
}

/// A worker's rules and costs, recomputed from their timeline alone.
struct WEval {
    /// Every strict rule that depends only on this worker's timeline holds.
    var ok = true
    /// Deficit against the *minimum* rules (H7 minimums, H10 minimum runs), which construction may
    /// break for a while; 0 when they all hold.
    var penalty = 0
    /// travel + overtime + requests for this worker.
    var cost = 0
}

/// A worker's rules as plain numbers (none: `Int.max`). `evaluate` and `fits` read them for every
/// candidate placement; reading a `WorkerInfo` copies it, with a retain and a release for each of its
/// arrays and sets.
struct WRules {
    var base: Int
    var maxWeekly: Int, minWeekly: Int
    var contract: Int
    var maxTotal: Int, minTotal: Int
    var maxConsecutive: Int, minConsecutive: Int, minConsecutiveOff: Int
    var maxWeekends: Int, historyWeekends: Int
    var hasRequests: Bool
    var hasAvailability: Bool
    var driver: Bool

    init(_ w: WorkerInfo) {
        base = w.base
        maxWeekly = w.maxWeeklyMinutes; minWeekly = w.minWeeklyMinutes
        contract = w.contractMinutes ?? .max
        maxTotal = w.maxTotalMinutes ?? .max; minTotal = w.minTotalMinutes
        maxConsecutive = w.maxConsecutiveDays; minConsecutive = w.minConsecutiveDays
        minConsecutiveOff = w.minConsecutiveDaysOff
        maxWeekends = w.maxWeekends ?? .max; historyWeekends = w.historyWeekends
        hasRequests = !w.requests.isEmpty
        hasAvailability = w.availability != nil
        driver = w.skills.contains("driver")
    }
}

/// Mutable rota state with incremental per-worker evaluation. Primitive operations (place or
/// remove a session, add or remove a shift worker) keep every cached total exact.
final class Engine {
    let inst: Instance
    let nW: Int, nS: Int, nH: Int, D: Int
    let wt: Weights

    // Assignment.
    var sess: [SessionPlacement?]
    var shiftW: [[Int]]
    /// Effective allocated worker per case (given or chosen).
    var alloc: [Int?]
    var caseload: [Int]

    // Worker timelines.
    var acts: [[WAct]]
    var dayShifts: [[[Int]]]
    var wev: [WEval]

    // Venues: per venue, (start, end, session), unsorted.
    var venueOcc: [[(Int, Int, Int)]]

    // Fairness: per type, count (history included) per worker, eligible workers, and cost.
    var typeCount: [[Int]]
    let fairElig: [[Int]]
    var fairCost: [Int]

    /// Search-only bias per 15 minutes of start after the earliest (packs venues early or late).
    var startBias = 0
    /// Session order for rooms before workers (`sessionOrder`): sessions that more than
    /// `Engine.fewWorkers` workers could take are ordered as if that many could, so the unassigned
    /// cost per minute decides among them.
    var roomsFirst = false
    static let fewWorkers = 3
    /// Search-only cost of a start at a venue that leaves a gap: one that neither begins a window, ends
    /// one, nor meets a session already there (0: off). Set where construction leaves out a session
    /// that no room could take at any start (`roomsShort`, `GreedySolver.solveWhole`).
    var packBias = 0
    static let gapCost = 150

    // Totals.
    var totalCost = 0
    var totalPenalty = 0
    var sessCostCache: [Int]
    var shiftCostCache: [Int]
    var shiftPenaltyCache: [Int]

    // Static data.
    let baseline: Assignment?
    let fixedSession: [Bool]
    let fixedShiftWorkers: [Set<Int>]
    /// Shifts to which no worker may be added (they start before freezeBefore).
    let shiftClosed: [Bool]
    let eligibleWorkers: [[Int]]
    let eligibleShiftWorkers: [[Int]]
    let starts: [[Int]]
    let unavailMerged: [[Interval]]
    let pairBound: Int
    /// Per worker (`WRules`), and the most shifts of each type: `maxShifts[w * nT + t]` (none: `Int.max`).
    let rules: [WRules]
    let maxShifts: [Int]
    let weekendOfDay: [Int]
    /// How many weekends the horizon touches.
    let weekendCount: Int

    /// Scratch buffers of `evaluate` (per engine; engines are not shared between threads).
    struct Scratch {
        var work: [Int] = [], last: [Int] = [], route: [Int] = [], week: [Int] = [], types: [Int] = []
    }
    var scratch = Scratch()

    static let maxCandidates = 40

    /// A fixed scramble of (session, worker), for ties among candidates.
    static func mix(_ s: Int, _ w: Int) -> Int {
        var x = UInt64(truncatingIfNeeded: s) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: w) &* 0xC2B2_AE3D_27D4_EB4F
        x ^= x >> 31; x &*= 0xBF58_476D_1CE4_E5B9; x ^= x >> 29
        return Int(truncatingIfNeeded: x >> 1)
    }

    init(_ inst: Instance) {
        self.inst = inst
        nW = inst.workers.count; nS = inst.sessions.count; nH = inst.shifts.count; D = inst.days
        wt = inst.weights
        sess = Array(repeating: nil, count: nS)
        shiftW = Array(repeating: [], count: nH)
        alloc = inst.cases.map(\.allocatedWorker)
        caseload = inst.workers.map(\.caseloadOther)
        for c in inst.cases { if let w = c.allocatedWorker { caseload[w] += 1 } }
        acts = Array(repeating: [], count: nW)
        dayShifts = Array(repeating: Array(repeating: [], count: max(1, inst.days)), count: nW)
        wev = Array(repeating: WEval(), count: nW)
        venueOcc = Array(repeating: [], count: inst.venues.count)
        let nT = inst.shiftTypes.count
        var elig = [[Int]](repeating: [], count: nT)
        var tc = [[Int]](repeating: [Int](repeating: 0, count: nW), count: nT)
        for t in 0..<nT {
            let sh = inst.shifts.filter { $0.type == t }
            for (w, wk) in inst.workers.enumerated() {
                tc[t][w] = wk.historyShiftCounts[t]
                if inst.shiftTypes[t].fairness, !sh.isEmpty, sh.contains(where: { wk.hasSkills($0.skills) }) {
                    elig[t].append(w)
                }
            }
        }
        fairElig = elig
        typeCount = tc
        rules = inst.workers.map(WRules.init)
        maxShifts = inst.workers.flatMap { wk in (0..<nT).map { wk.maxShifts[$0] ?? .max } }
        fairCost = Array(repeating: 0, count: nT)
        sessCostCache = Array(repeating: 0, count: nS)
        shiftCostCache = Array(repeating: 0, count: nH)
        shiftPenaltyCache = Array(repeating: 0, count: nH)
        baseline = Assignment.baseline(of: inst)
        let freeze = inst.freezeBefore
        var fixed = inst.sessions.map { $0.pinned != nil }
        var fixedSW = inst.shifts.map { Set($0.pinnedWorkers) }
        var closed = Array(repeating: false, count: inst.shifts.count)
        if let f = freeze {
            if let b = baseline {
                for (s, p) in b.sessions.enumerated() where p != nil && p!.start < f { fixed[s] = true }
                for (h, sh) in inst.shifts.enumerated() where sh.interval.start < f {
                    fixedSW[h].formUnion(b.shiftWorkers[h])
                }
            }
            for (h, sh) in inst.shifts.enumerated() where sh.interval.start < f { closed[h] = true }
        }
        fixedSession = fixed
        fixedShiftWorkers = fixedSW
        shiftClosed = closed
        // Eligibility by skills, exclusions and (loosely) availability.
        var ew = [[Int]](repeating: [], count: inst.sessions.count)
        var st = [[Int]](repeating: [], count: inst.sessions.count)
        var maxLen = 0
        // Sessions that ask for the same skills share one list of the workers who have them, and
        // workers share bases, so travel is looked up once a base. (Going through every worker and
        // every worker's travel for every session, construction alone on a county of 600 workers and
        // 4,215 sessions took 2.30 s; now 1.50 s.)
        var withSkills = SkillLists(inst)
        let bases = inst.workers.map(\.base)
        for (s, info) in inst.sessions.enumerated() {
            var cs = inst.candidateStarts(info)
            if let f = freeze { cs = cs.filter { $0 >= f } }
            st[s] = cs
            let excluded = inst.cases[info.caseIndex].excluded
            let able = withSkills.workers(with: info.skills)
            ew[s] = excluded.isEmpty ? able : able.filter { !excluded.contains($0) }
            // Large teams: keep the nearest workers (and the case's and preferred ones), so the
            // candidate set is bounded whatever the team size.
            if ew[s].count > Engine.maxCandidates {
                let places = info.venues.map { inst.venues[$0].location } + (info.transportFrom.map { [$0] } ?? [])
                let keep = Set([inst.cases[info.caseIndex].allocatedWorker].compactMap { $0 }).union(info.preferred)
                var fromBase: [Int: Int] = [:]
                func dist(_ w: Int) -> Int {
                    if let d = fromBase[bases[w]] { return d }
                    let d = places.isEmpty ? 0 : places.map { inst.travel.minutes(bases[w], $0) }.min()!
                    fromBase[bases[w]] = d
                    return d
                }
                // Ties (the workers of one office) are broken by a scramble of session and worker, not by
                // the worker's index: by index, the office's first 40 were the candidates for every
                // session there, and the others for none. (Generated teams at 20 s, seeds 1-3, medians:
                // a county of 600 workers and 4,215 sessions 1285857 -> 1159168; 100 workers 54353 ->
                // 52102; 300 and 600 workers -0.6 %. Benchmarks/RESULTS.md.)
                let ranked = ew[s].map { (keep.contains($0) ? -1 : dist($0), Engine.mix(s, $0), $0) }.sorted { $0 < $1 }
                ew[s] = ranked.prefix(Engine.maxCandidates).map(\.2).sorted()
            }
            maxLen = max(maxLen, info.duration)
        }
        eligibleWorkers = ew
        starts = st
        eligibleShiftWorkers = inst.shifts.map { sh in
            inst.workers.indices.filter { w in
                inst.workers[w].hasSkills(sh.skills) && (inst.workers[w].maxShifts[sh.type] ?? 1) > 0
            }
        }
        unavailMerged = inst.workers.map { wk in
            let sorted = wk.unavailable.sorted { $0.start < $1.start }
            var out: [Interval] = []
            for iv in sorted {
                if let l = out.last, iv.start <= l.end { out[out.count - 1].end = max(l.end, iv.end) } else { out.append(iv) }
            }
            return out
        }
        for sh in inst.shifts { maxLen = max(maxLen, sh.interval.length) }
        // The longest travel (and so transport leg): the travel table's, which knows it up to 1,500
        // locations (a county of 600 workers has 1,306); beyond, two days.
        let maxTravel = inst.travel.longestMinutes ?? 2 * 1440
        // Two blocking activities whose starts lie `pairBound` or more apart never clash. An activity
        // lasts at most maxLen + 2 maxTravel (a lead's transport legs), so B after A clashes only if
        // B.start - A.start < maxLen + 3 maxTravel (travel between them) or < maxLen + 2 maxTravel +
        // minRest (rest, on a later day).
        pairBound = maxLen + 3 * maxTravel + max(inst.rules.minRestMinutes, 0) + 1
        weekendOfDay = (0..<inst.days).map { inst.weekend(ofDay: $0) ?? Int.min }
        weekendCount = Set(weekendOfDay.filter { $0 != Int.min }).count
        scratch = Scratch(work: Array(repeating: 0, count: inst.days), last: Array(repeating: -1, count: inst.days),
                          route: Array(repeating: 0, count: inst.days), week: Array(repeating: 0, count: max(1, inst.weeks)),
                          types: Array(repeating: 0, count: nT))
        // Empty-rota costs.
        for s in 0..<nS { sessCostCache[s] = sessionCost(s, nil); totalCost += sessCostCache[s] }
        for h in 0..<nH {
            shiftCostCache[h] = shiftCost(h); totalCost += shiftCostCache[h]
            shiftPenaltyCache[h] = shiftPenalty(h); totalPenalty += shiftPenaltyCache[h]
        }
        for t in 0..<nT { fairCost[t] = fairness(t); totalCost += fairCost[t] }
        for w in 0..<nW { wev[w] = evaluate(w); totalCost += wev[w].cost; totalPenalty += wev[w].penalty }
    }

    // MARK: Costs

    func sessionCost(_ s: Int, _ p: SessionPlacement?) -> Int {
        guard let p else {
            return inst.sessions[s].unassignedCost + (baseline.map { $0.sessions[s] == nil ? 0 : wt.change } ?? 0)
        }
        return sessionCost(s, lead: p.lead, start: p.start, venue: p.venue)
    }

    /// The session's own cost terms when placed with this lead, start and venue.
    func sessionCost(_ s: Int, lead: Int, start: Int, venue: Int?) -> Int {
        var c = 0
        if let a = alloc[inst.sessions[s].caseIndex], a != lead { c += wt.continuity }
        let preferred = inst.sessions[s].preferred
        if !preferred.isEmpty && !preferred.contains(lead) { c += wt.preference }
        if let b = baseline {
            if let y = b.sessions[s] {
                if lead != y.lead || start != y.start || venue != y.venue { c += wt.change }
            } else {
                c += wt.change
            }
        }
        return c
    }

    func shiftCost(_ h: Int) -> Int {
        var c = inst.shifts[h].coverCost(staffed: shiftW[h].count)
        if let b = baseline {
            let was = Set(b.shiftWorkers[h])
            let now = Set(shiftW[h])
            c += wt.change * now.symmetricDifference(was).count
        }
        return c
    }

    func shiftPenalty(_ h: Int) -> Int {
        let sh = inst.shifts[h]
        return max(0, sh.min - shiftW[h].count) * 240
    }

    func fairness(_ t: Int) -> Int {
        guard !fairElig[t].isEmpty else { return 0 }
        var lo = Int.max, hi = Int.min
        let tc = typeCount[t]
        for w in fairElig[t] { let c = tc[w]; if c < lo { lo = c }; if c > hi { hi = c } }
        return wt.fairness * (hi - lo)
    }

    // MARK: Worker evaluation

    /// Rules and costs of worker `w` that depend on the whole timeline (days, weeks, runs).
    /// Pairwise rules (H3, H4, H8 rest, shift successions, shifts a day) are checked on insertion.
    func evaluate(_ w: Int) -> WEval {
        // The buffers are taken out of the engine while in use: a local array's elements are read
        // and written without the exclusivity checks a class's stored array costs on every access
        // (half of the native solver's time on a generated team of 100 workers).
        var sc = Scratch()
        swap(&sc, &scratch)
        defer { swap(&sc, &scratch) }
        return evaluate(w, &sc.work, &sc.last, &sc.route, &sc.week, &sc.types)
    }

    private func evaluate(_ w: Int, _ sWork: inout [Int], _ sLast: inout [Int], _ sRoute: inout [Int],
                          _ sWeek: inout [Int], _ sTypes: inout [Int]) -> WEval {
        let info = rules[w]
        var ev = WEval()
        let a = acts[w]
        for d in 0..<D { sWork[d] = 0; sLast[d] = -1; sRoute[d] = 0 }
        for k in 0..<sWeek.count { sWeek[k] = 0 }
        for k in 0..<sTypes.count { sTypes[k] = 0 }
        let base = info.base
        let travel = inst.travel
        for x in a {
            if x.item < 0 { sTypes[inst.shifts[-x.item - 1].type] += 1 }
            let d = x.day
            guard d >= 0 && d < D else { continue }
            sWeek[d / 7] += x.minutes
            sWork[d] += 1
            guard x.blocking else { continue }
            let from = sLast[d] < 0 ? base : sLast[d]
            sRoute[d] += travel.minutes(from, x.sLoc)
            sLast[d] = x.eLoc
        }
        var travelTotal = 0
        var weekends = 0
        var lastWeekend = Int.min
        for d in 0..<D {
            if sLast[d] >= 0 { sRoute[d] += travel.minutes(sLast[d], base) }
            travelTotal += sRoute[d]
            sWeek[d / 7] += sRoute[d]
            if sWork[d] > 0 {
                let we = weekendOfDay[d]
                if we != Int.min && we != lastWeekend { weekends += 1; lastWeekend = we }
            }
        }
        // H9 per type and weekends.
        let nT = sTypes.count
        for t in 0..<nT where sTypes[t] > 0 {
            if sTypes[t] > maxShifts[w * nT + t] { ev.ok = false; return ev }
        }
        if weekends > 0, weekends + info.historyWeekends > info.maxWeekends { ev.ok = false; return ev }
        // H7.
        var total = 0
        var overtime = 0
        for k in 0..<sWeek.count {
            let m = sWeek[k]
            total += m
            if m > info.maxWeekly { ev.ok = false; return ev }
            if m < info.minWeekly { ev.penalty += info.minWeekly - m }
            if m > info.contract { overtime += m - info.contract }
        }
        if total > info.maxTotal { ev.ok = false; return ev }
        if total < info.minTotal { ev.penalty += info.minTotal - total }
        // H10.
        var i = 0
        while i < D {
            var j = i
            let working = sWork[i] > 0
            while j < D && (sWork[j] > 0) == working { j += 1 }
            let len = j - i
            let edge = i == 0 || j == D
            if working {
                if len > info.maxConsecutive { ev.ok = false; return ev }
                if !edge && len < info.minConsecutive { ev.penalty += (info.minConsecutive - len) * 240 }
            } else if !edge && len < info.minConsecutiveOff {
                ev.penalty += (info.minConsecutiveOff - len) * 240
            }
            i = j
        }
        // Requests.
        var req = 0
        if info.hasRequests { for r in inst.workers[w].requests {
            var worked = false
            if r.day >= 0 && r.day < D {
                for h in dayShifts[w][r.day] where r.shiftType == nil || inst.shifts[h].type == r.shiftType { worked = true; break }
            }
            if worked != r.on { req += r.weight }
        } }
        ev.cost = wt.travelMinute * travelTotal + wt.overtimeMinute * overtime + req
        return ev
    }

    // MARK: Pairwise checks for a new activity

    @inline(__always) func onLeave(_ w: Int, _ iv: Interval) -> Bool {
        let u = unavailMerged[w]
        if u.isEmpty { return false }
        var lo = 0, hi = u.count
        while lo < hi { let m = (lo + hi) / 2; if u[m].end <= iv.start { lo = m + 1 } else { hi = m } }
        return lo < u.count && u[lo].start < iv.end
    }

    /// Index where an activity would go in the sorted timeline.
    @inline(__always) func insertionIndex(_ w: Int, _ x: WAct) -> Int {
        let a = acts[w]
        var lo = 0, hi = a.count
        while lo < hi {
            let m = (lo + hi) / 2
            if (a[m].start, a[m].end) <= (x.start, x.end) { lo = m + 1 } else { hi = m }
        }
        return lo
    }

    /// H3, H4 and H8 (rest) for a new activity against the worker's timeline.
    func fits(_ w: Int, _ x: WAct) -> Bool {
        let iv = Interval(x.start, x.end)
        if onLeave(w, iv) { return false }
        guard x.blocking else { return true }
        if rules[w].hasAvailability, !inst.workers[w].availability!.containsWhole(iv) { return false }
        let a = acts[w]
        let idx = insertionIndex(w, x)
        let rest = inst.rules.minRestMinutes
        let travel = inst.travel
        var i = idx - 1
        while i >= 0 && a[i].start > x.start - pairBound {
            let p = a[i]
            if p.blocking {
                if x.start < p.end + travel.minutes(p.eLoc, x.sLoc) { return false }
                if x.day > p.day && x.start - p.end < rest { return false }
            }
            i -= 1
        }
        i = idx
        while i < a.count && a[i].start < x.start + pairBound {
            let n = a[i]
            if n.blocking {
                if n.start < x.end + travel.minutes(x.eLoc, n.sLoc) { return false }
                if n.day > x.day && n.start - x.end < rest { return false }
                // Ties at the same start (sorted after x): the checker sees the pair either way.
            }
            i += 1
        }
        return true
    }

    func shiftFits(_ w: Int, _ h: Int) -> Bool {
        let sh = inst.shifts[h]
        let d = sh.day
        if d >= 0 && d < D {
            let ds = dayShifts[w][d]
            if ds.count + 1 > inst.rules.maxShiftsPerDay { return false }
            let t = inst.shiftTypes[sh.type]
            if d > 0 {
                for g in dayShifts[w][d - 1] where inst.shiftTypes[inst.shifts[g].type].cannotFollow.contains(sh.type) { return false }
            }
            if d + 1 < D {
                for g in dayShifts[w][d + 1] where t.cannotFollow.contains(inst.shifts[g].type) { return false }
            }
        }
        return fits(w, shiftAct(h, w))
    }

    func shiftAct(_ h: Int, _ w: Int) -> WAct {
        let sh = inst.shifts[h]
        let t = inst.shiftTypes[sh.type]
        let loc = t.location ?? inst.workers[w].base
        return WAct(start: sh.interval.start, end: sh.interval.end, sLoc: loc, eLoc: loc, day: sh.day,
                    minutes: t.counted, blocking: !t.standby, item: -(h + 1))
    }

    func sessionAct(_ s: Int, worker: Int, lead: Bool, start: Int, venue: Int?, leadWorker: Int) -> WAct {
        let info = inst.sessions[s]
        let loc = inst.sessionLocation(info, venue: venue, lead: leadWorker)
        let day = inst.clock.dayIndex(of: start)
        if lead, let from = info.transportFrom {
            let st = start - inst.travel.minutes(from, loc)
            let en = start + info.duration + inst.travel.minutes(loc, from)
            return WAct(start: st, end: en, sLoc: from, eLoc: from, day: day, minutes: en - st + info.reportMinutes,
                        blocking: true, item: s)
        }
        return WAct(start: start, end: start + info.duration, sLoc: loc, eLoc: loc, day: day,
                    minutes: info.duration + (lead ? info.reportMinutes : 0), blocking: true, item: s)
    }

    /// Whether some session left out has no room free at any of its starts and venues.
    func roomsShort() -> Bool {
        (0..<nS).contains { s in
            sess[s] == nil && !fixedSession[s] && !inst.sessions[s].venues.isEmpty && !starts[s].isEmpty
                && !inst.sessions[s].venues.contains { v in starts[s].contains { venueFits(v, $0, $0 + inst.sessions[s].duration) } }
        }
    }

    /// Whether [start, end) at venue `v` begins where a session there ends or ends where one begins.
    func meetsSession(_ v: Int, _ start: Int, _ end: Int, ignoring: Int) -> Bool {
        venueOcc[v].contains { $0.2 != ignoring && ($0.1 == start || $0.0 == end) }
    }

    func venueFits(_ v: Int, _ start: Int, _ end: Int, ignoring: Int = -1) -> Bool {
        let ven = inst.venues[v]
        if let open = ven.open, !open.containsWhole(Interval(start, end)) { return false }
        // Fewer overlapping sessions than rooms (the usual case) needs no list.
        var n = 0
        for (a, b, s) in venueOcc[v] where s != ignoring && a < end && start < b { n += 1 }
        if n < ven.rooms { return true }
        var over: [(Int, Int)] = []
        over.reserveCapacity(n)
        for (a, b, s) in venueOcc[v] where s != ignoring && a < end && start < b { over.append((a, b)) }
        // Peak concurrency within [start, end) among the overlapping ones.
        var ev: [(Int, Int)] = []
        for (a, b) in over { ev.append((max(a, start), 1)); ev.append((min(b, end), -1)) }
        ev.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        var run = 0
        for (_, d) in ev { run += d; if run >= ven.rooms { return false } }
        return true
    }

    // MARK: Timeline edits

    func insertAct(_ w: Int, _ x: WAct) {
        acts[w].insert(x, at: insertionIndex(w, x))
        if x.item < 0, x.day >= 0, x.day < D { dayShifts[w][x.day].append(-x.item - 1) }
    }

    func removeAct(_ w: Int, item: Int) {
        if let i = acts[w].firstIndex(where: { $0.item == item }) {
            let x = acts[w].remove(at: i)
            if x.item < 0, x.day >= 0, x.day < D { dayShifts[w][x.day].removeAll { $0 == -x.item - 1 } }
        }
    }

    @inline(__always) func reevaluate(_ w: Int) -> Bool {
        let old = wev[w]
        let n = evaluate(w)
        totalCost += n.cost - old.cost
        totalPenalty += n.penalty - old.penalty
        wev[w] = n
        return n.ok
    }

    // MARK: Primitive operations

    /// Places a session. With `force`, rules are not checked (pinned and frozen work).
    /// Returns false (and changes nothing) when a strict rule would break.
    @discardableResult
    func place(_ s: Int, _ p: SessionPlacement, force: Bool = false) -> Bool {
        precondition(sess[s] == nil)
        let info = inst.sessions[s]
        var xs: [WAct] = []
        for (k, w) in p.workers.enumerated() {
            let x = sessionAct(s, worker: w, lead: k == 0, start: p.start, venue: p.venue, leadWorker: p.lead)
            if !force && !fits(w, x) { return false }
            xs.append(x)
        }
        if !force, let v = p.venue, !venueFits(v, p.start, p.start + info.duration) { return false }
        let c = info.caseIndex
        if alloc[c] == nil {
            if canAllocate(c, p.lead) { setAllocation(c, p.lead) }
            else if let o = inst.workers.indices.first(where: { canAllocate(c, $0) }) { setAllocation(c, o) }
            else if !force { return false }
        }
        for (k, w) in p.workers.enumerated() { insertAct(w, xs[k]) }
        var ok = true
        for w in p.workers where !reevaluate(w) { ok = false }
        if !ok && !force {
            for w in p.workers { removeAct(w, item: s); _ = reevaluate(w) }
            return false
        }
        if let v = p.venue { venueOcc[v].append((p.start, p.start + info.duration, s)) }
        sess[s] = p
        let nc = sessionCost(s, p)
        totalCost += nc - sessCostCache[s]
        sessCostCache[s] = nc
        return true
    }

    /// Removes a session; returns whether every worker's strict rules still hold.
    @discardableResult
    func unplace(_ s: Int) -> Bool {
        guard let p = sess[s] else { return true }
        sess[s] = nil
        var ok = true
        for w in p.workers { removeAct(w, item: s); if !reevaluate(w) { ok = false } }
        if let v = p.venue { venueOcc[v].removeAll { $0.2 == s } }
        let nc = sessionCost(s, nil)
        totalCost += nc - sessCostCache[s]
        sessCostCache[s] = nc
        return ok
    }

    private func updateShiftCosts(_ h: Int, _ w: Int, _ delta: Int) {
        let t = inst.shifts[h].type
        typeCount[t][w] += delta
        if !fairElig[t].isEmpty {
            let f = fairness(t)
            totalCost += f - fairCost[t]
            fairCost[t] = f
        }
        let c = shiftCost(h)
        totalCost += c - shiftCostCache[h]
        shiftCostCache[h] = c
        let p = shiftPenalty(h)
        totalPenalty += p - shiftPenaltyCache[h]
        shiftPenaltyCache[h] = p
    }

    @discardableResult
    func addShift(_ h: Int, _ w: Int, force: Bool = false) -> Bool {
        if !force {
            if shiftW[h].count >= inst.shifts[h].max || shiftW[h].contains(w) { return false }
            if !inst.workers[w].hasSkills(inst.shifts[h].skills) { return false }
            if !shiftFits(w, h) { return false }
        }
        insertAct(w, shiftAct(h, w))
        if !reevaluate(w) && !force {
            removeAct(w, item: -(h + 1)); _ = reevaluate(w)
            return false
        }
        shiftW[h].append(w)
        updateShiftCosts(h, w, 1)
        return true
    }

    @discardableResult
    func removeShift(_ h: Int, _ w: Int) -> Bool {
        guard let i = shiftW[h].firstIndex(of: w) else { return true }
        shiftW[h].remove(at: i)
        removeAct(w, item: -(h + 1))
        let ok = reevaluate(w)
        updateShiftCosts(h, w, -1)
        return ok
    }

    // MARK: Allocation

    func setAllocation(_ c: Int, _ w: Int?) {
        guard inst.cases[c].allocatedWorker == nil else { return }
        if let o = alloc[c] { caseload[o] -= 1 }
        alloc[c] = w
        if let n = w { caseload[n] += 1 }
        // Continuity of the case's assigned sessions changes.
        for s in sessionsOfCase[c] where sess[s] != nil {
            let nc = sessionCost(s, sess[s])
            totalCost += nc - sessCostCache[s]
            sessCostCache[s] = nc
        }
    }

    lazy var sessionsOfCase: [[Int]] = {
        var out = [[Int]](repeating: [], count: inst.cases.count)
        for (s, info) in inst.sessions.enumerated() { out[info.caseIndex].append(s) }
        return out
    }()

    func canAllocate(_ c: Int, _ w: Int) -> Bool {
        let cs = inst.cases[c]
        if cs.excluded.contains(w) { return false }
        if !cs.needsSkills.allSatisfy(inst.workers[w].skills.contains) { return false }
        if let cap = inst.workers[w].caseloadCap, caseload[w] + (alloc[c] == w ? 0 : 1) > cap { return false }
        return true
    }

    // MARK: Snapshots

    var assignment: Assignment {
        var allocs = [Int?](repeating: nil, count: inst.cases.count)
        for (c, cs) in inst.cases.enumerated() where cs.allocatedWorker == nil { allocs[c] = alloc[c] }
        return Assignment(sessions: sess, shiftWorkers: shiftW, allocations: allocs)
    }

    func score(_ lambda: Int) -> Int { totalCost + lambda * totalPenalty }

    /// Recomputes every total from scratch (for tests of the incremental bookkeeping).
    func recomputedTotals() -> (cost: Int, penalty: Int) {
        var c = 0, p = 0
        for s in 0..<nS { c += sessionCost(s, sess[s]) }
        for h in 0..<nH { c += shiftCost(h); p += shiftPenalty(h) }
        for t in 0..<inst.shiftTypes.count { c += fairness(t) }
        for w in 0..<nW { let e = evaluate(w); c += e.cost; p += e.penalty }
        return (c, p)
    }
}

extension ShiftInfo {
    /// The cover term of this shift with `n` workers on it: shortfall or excess at its weights.
    func coverCost(staffed n: Int) -> Int {
        n < required ? underWeight * (required - n) : overWeight * (n - required)
    }
}
