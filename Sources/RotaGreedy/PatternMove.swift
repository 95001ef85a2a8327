import RotaModel

/// The pattern move: one worker's shifts over the whole horizon re-planned at once, by dynamic
/// programming over their days, with every other worker's shifts held where they are.
///
/// A day's choice is off or one shift. Its price is separable given the others: the change in
/// that shift's cover penalty (under or over, and the minimum cover at the search's weight), the
/// change against the baseline, the worker's requests that day and the travel to the shift. The
/// rules that tie days together are the labels' resources: the run of working days or days off so
/// far and whether it touches the first day (H10), the minutes so far (the total, and the week's
/// when a weekly rule or contract can bind), the shifts of each type whose cap can bind (H9), the
/// weekends worked (H6), and the last shift (successions, rest and travel between days). Strict
/// rules prune a label; minimum rules cost their penalty at the search's weight, as in
/// `Engine.score`. A label dominates another with the same key (the last shift's successor class,
/// run, minutes (see `BeamKey` for beams), week, weekend in progress) when it costs no more and has used no more of any cap; a key keeps at
/// most `keep` labels (two in the search), so the plan is optimal for the rules it models unless
/// that beam cuts. Outside `window`, when one is given, each day keeps the worker's shift.
///
/// What the labels leave out (fairness, pairwise rules with sessions) the engine still decides:
/// the plan is applied by its ordinary journaled operations and accepted on its true score. The
/// move applies only to a worker whose every activity is a shift the search may move.
extension LocalSearch {
    /// Horizons longer than this (nine weeks) are planned by beams that key on pace (`BeamKey`).
    static let pacedBeyondDays = 63

    struct PatternLabel {
        var cost: Int
        var own: Int        // the worker's own objective terms, unscaled (pricing)
        var minutes: Int
        var week: Int
        var weekends: Int
        var counts: UInt64
        var run: Int
        var working: Bool
        var touchesStart: Bool
        var lastWeekend: Int
        var last: Int       // shift index, or -1 for a day off
        var lastK: Int      // its option index on its day, or -1
        var parent: Int32
    }

    /// Whether the pattern move may re-plan `w`: every activity is a shift the search may move.
    func patternEligible(_ w: Int) -> Bool {
        e.acts[w].allSatisfy { x in
            guard x.item < 0 else { return false }
            let h = -x.item - 1
            return canMoveOff(h, w) && !e.shiftClosed[h]
        }
    }

    /// What `w` working shift `h` costs in the worker's own terms (the requests of its day, the
    /// baseline, travel from and to their base) and the minutes it counts (travel included); nil
    /// when `w` may not work it (skills, leave, availability).
    func shiftOption(_ w: Int, _ h: Int, _ info: WorkerInfo) -> (own: Int, minutes: Int)? {
        guard e.eligibleShiftWorkers[h].contains(w) else { return nil }
        let sh = e.inst.shifts[h]
        let act = e.shiftAct(h, w)
        if e.onLeave(w, sh.interval) { return nil }
        if act.blocking, let av = info.availability, !av.containsWhole(sh.interval) { return nil }
        var own = 0
        let change = e.baseline == nil ? 0 : e.wt.change
        if change > 0, let b = e.baseline { own += b.shiftWorkers[h].contains(w) ? -change : change }
        for r in info.requests where r.day == sh.day {
            let matches = r.shiftType == nil || r.shiftType == sh.type
            if matches != r.on { own += r.weight }
        }
        var mins = act.minutes
        if act.blocking && act.sLoc != info.base {
            let route = e.inst.travel.minutes(info.base, act.sLoc) + e.inst.travel.minutes(act.eLoc, info.base)
            own += e.wt.travelMinute * route
            mins += route
        }
        return (own, mins)
    }

    /// What a worker taking day `d` off costs: their requests to work that day.
    func offCost(_ info: WorkerInfo, _ d: Int) -> Int {
        info.requests.reduce(0) { $0 + ($1.day == d && $1.on ? $1.weight : 0) }
    }

    /// Whether `w` may work shift `next` on the day after shift `prev` (successions, and for shifts
    /// that block time, travel between them and rest).
    func mayFollow(_ w: Int, _ prev: Int, _ next: Int) -> Bool {
        mayFollow(e.shiftAct(prev, w), banned: e.inst.shiftTypes[e.inst.shifts[prev].type].cannotFollow,
                  e.shiftAct(next, w), type: e.inst.shifts[next].type)
    }

    /// `mayFollow` for activities worked out already: `pa`, whose type bans the types `banned`,
    /// then `a`, of type `type`.
    func mayFollow(_ pa: WAct, banned: Set<Int>, _ a: WAct, type: Int) -> Bool {
        guard !banned.contains(type) else { return false }
        guard pa.blocking && a.blocking else { return true }
        return a.start >= pa.end + e.inst.travel.minutes(pa.eLoc, a.sLoc) && a.start - pa.end >= e.inst.rules.minRestMinutes
    }

    /// Prices for column generation (`PatternPricer`): each shift's price replaces the change in its
    /// cover (a dual value, scaled), and the worker's own terms are multiplied by `scale`.
    struct PatternPricing {
        var shiftPrice: [Int]
        var scale: Int
    }

    /// The cheapest plan for `w` (per day, the shift or nil), with others' shifts fixed; nil when
    /// the worker cannot be planned (not eligible, or no plan within the strict rules).
    func planPattern(_ w: Int, window: Range<Int>? = nil, noise: Int = 0, keep: Int = 2) -> [Int?]? {
        planPatternPriced(w, window: window, noise: noise, keep: keep, pricing: nil)?.plans.first?.plan
    }

    /// `planPattern` with its cost (in the DP's units) and the plan's own terms (requests, baseline,
    /// travel, overtime; unscaled), cheapest first, and up to `alternatives` runners-up (other final
    /// labels, so other plans), and the labels it made. With `pricing`, the others' shifts play no part.
    /// Above `labelLimit` labels in all (nil: no limit) it gives up and returns nil.
    /// With `upperBound` (the cost of a plan known, say the beam's), a label is dropped once its cost
    /// and a lower bound on any completion of it exceed that: the cheapest plan is still found (exact
    /// with `keep: Int.max`), but plans dearer than the bound may not be; with none at most the bound,
    /// `plans` is empty.
    func planPatternPriced(_ w: Int, window: Range<Int>?, noise: Int, keep: Int, pricing: PatternPricing?,
                           alternatives: Int = 0, labelLimit: Int? = nil, upperBound: Int? = nil)
        -> (plans: [(plan: [Int?], cost: Int, own: Int)], complete: Bool, labels: Int)? {
        guard e.D > 0, patternEligible(w) else { return nil }
        let scale = pricing?.scale ?? 1
        let info = e.inst.workers[w]
        let inst = e.inst
        let lam = lambda
        let D = e.D

        // Options per day: (shift, price, minutes, type).
        var options = [[(h: Int, price: Int, own: Int, minutes: Int, type: Int)]](repeating: [], count: D)
        var offPrice = [Int](repeating: 0, count: D)
        var maxDayMinutes = 0
        let free = window ?? 0..<D
        for d in 0..<D {
            offPrice[d] = offCost(info, d)
            let fixed = free.contains(d) ? nil : shiftOn(w, d)
            for h in shiftsByDay[d] where free.contains(d) || h == fixed {
                let sh = inst.shifts[h]
                let others = e.shiftW[h].count - (e.shiftW[h].contains(w) ? 1 : 0)
                guard pricing != nil || others < sh.max, let (own, mins) = shiftOption(w, h, info) else { continue }
                func cover(_ n: Int) -> Int { sh.coverCost(staffed: n) + lam * 240 * max(0, sh.min - n) }
                var price: Int
                if let pricing { price = pricing.shiftPrice[h] + scale * own } else { price = cover(others + 1) - cover(others) + own }
                if noise > 0 { price += rng.int(2 * noise + 1) - noise }
                options[d].append((h, price, own, mins, sh.type))
                maxDayMinutes = max(maxDayMinutes, mins)
            }
        }

        // Types whose cap can bind get a byte each in `counts` (at most eight; the engine checks any other).
        var slot = [Int](repeating: -1, count: inst.shiftTypes.count)
        var capOf: [Int] = []
        // `complete`: every rule of the worker's is in the labels (no cap left to the engine, no run
        // longer than the labels count).
        var complete = D <= 63
        for t in 0..<inst.shiftTypes.count {
            guard let cap = info.maxShifts[t] else { continue }
            let days = (0..<D).filter { d in options[d].contains { $0.type == t } }.count
            guard cap < days else { continue }
            if capOf.count < 8 { slot[t] = capOf.count; capOf.append(min(cap, 255)) } else { complete = false }
        }
        let trackWeek = info.minWeeklyMinutes > 0 || info.contractMinutes != nil || info.maxWeeklyMinutes < 7 * maxDayMinutes
        let weekendCap = info.maxWeekends.map { $0 - info.historyWeekends }
        let maxRunCap = max(info.minConsecutiveDays, info.minConsecutiveDaysOff, 1)

        // Which option of day d may follow which of day d − 1 (successions, travel, rest): row-major,
        // follows[d][kPrev * options[d].count + k].
        var follows = [[Bool]](repeating: [], count: D)
        for d in 1..<max(1, D) {
            let acts = options[d].map { e.shiftAct($0.h, w) }
            for po in options[d - 1] {
                let pa = e.shiftAct(po.h, w), banned = inst.shiftTypes[inst.shifts[po.h].type].cannotFollow
                for (k, o) in options[d].enumerated() { follows[d].append(mayFollow(pa, banned: banned, acts[k], type: o.type)) }
            }
        }

        // Labels key on the option's successor class, not on the option: options of a day whose rows of
        // `follows` into the next day are equal lead to the same futures (exact). A beam keys so only on
        // rosters over five weeks or 12,000 worker-shift pairs (keyed on the option, the stand-ins for
        // Curtois & Qu 13 and 15 fell to 9901 and 5369 from 8917 and 5262 proved); below, each option
        // keeps its own labels (keyed on the class, Instance8's median of seeds 1-3 went from 1361 to 1433).
        let classKeyed = keep == Int.max || GreedySolver.isLargeShiftRoster(inst)
        var successorClass = [[Int]](repeating: [], count: D)
        for d in 0..<D {
            let n = options[d].count
            guard classKeyed else { successorClass[d] = (0..<n).map { min($0 + 1, 255) }; continue }
            guard d + 1 < D else { successorClass[d] = Array(repeating: 1, count: n); continue }
            let m = options[d + 1].count
            var ids: [ArraySlice<Bool>: Int] = [:]
            successorClass[d] = (0..<n).map { k in
                let row = follows[d + 1][(k * m)..<((k + 1) * m)]
                if let c = ids[row] { return c }
                ids[row] = min(ids.count + 1, 255)
                return ids[row]!
            }
        }
        // Minutes so far are in the key only where a total can bind (`BeamKey`).
        let totals = info.maxTotalMinutes != nil || info.minTotalMinutes > 0
        let paced = totals && keep != Int.max && D > Self.pacedBeyondDays
        func minutesKey(_ minutes: Int, _ d: Int) -> Int {
            guard totals else { return 0 }
            guard paced else { return minutes }
            let ahead = (minutes - info.minTotalMinutes * (d + 1) / D) / max(1, maxDayMinutes)
            return min(max(ahead, -8), 16) + 8
        }

        // The order options are tried in: by group (successor class and minutes), cheapest first. Only a
        // beam (a few labels a key, no cap left to dominance) prunes by it.
        let beamGroups = keep < 8 && capOf.isEmpty
        var tryOrder = [[Int]](repeating: [], count: D), groupOf = [[Int]](repeating: [], count: D)
        for d in 0..<D {
            let o = options[d], c = successorClass[d]
            tryOrder[d] = o.indices.sorted { (c[$0], o[$0].minutes, o[$0].price, $0) < (c[$1], o[$1].minutes, o[$1].price, $1) }
            if beamGroups { groupOf[d] = o.indices.map { c[$0] << 32 | o[$0].minutes } }
        }

        let weekendsKeyed = keep != Int.max && beamKey != .lean && weekendCap.map { $0 < e.weekendCount } == true
        func weekendsKey(_ weekends: Int, _ d: Int) -> Int {
            guard weekendsKeyed, let cap = weekendCap else { return 0 }
            guard D > Self.pacedBeyondDays else { return min(weekends, 63) }
            return min(max(weekends - cap * (d + 1) / D, -1), 1) + 1
        }

        func weekEnd(_ l: inout PatternLabel) {
            guard trackWeek else { return }
            if l.week < info.minWeeklyMinutes { l.cost += lam * (info.minWeeklyMinutes - l.week) }
            if let c = info.contractMinutes, l.week > c {
                l.cost += scale * e.wt.overtimeMinute * (l.week - c); l.own += e.wt.overtimeMinute * (l.week - c)
            }
            l.week = 0
        }

        var completion = upperBound != nil && window == nil
            ? CompletionBound(options: options.map { $0.map { ($0.price, $0.minutes) } }, offPrice: offPrice.map { scale * $0 },
                              maxTotal: info.maxTotalMinutes, minTotal: info.minTotalMinutes, weight: lam)
            : nil

        // Exact pricing merges labels that differ only in room the days left cannot use: a count below its
        // cap by more than the later days of its type (or the total's minutes) can add is raised to where it
        // is not, and likewise the weekends worked. Their futures are the same, so it stays exact.
        let normalise = keep == Int.max
        var typeDaysAfter = [[Int]](repeating: Array(repeating: 0, count: capOf.count), count: D)
        var shortestOfSlot = [Int](repeating: Int.max, count: capOf.count)
        var weekendsAfter = [Int](repeating: 0, count: D), nextWeekendAfter = [Bool](repeating: false, count: D)
        if normalise {
            var later = Set<Int>()
            for d in stride(from: D - 1, through: 0, by: -1) {
                weekendsAfter[d] = later.count
                nextWeekendAfter[d] = d + 1 < D && later.contains(e.weekendOfDay[d + 1])
                if !options[d].isEmpty && e.weekendOfDay[d] != Int.min { later.insert(e.weekendOfDay[d]) }
                if d > 0 {
                    typeDaysAfter[d - 1] = typeDaysAfter[d]
                    for s in capOf.indices where options[d].contains(where: { slot[$0.type] == s }) { typeDaysAfter[d - 1][s] += 1 }
                }
                for o in options[d] where slot[o.type] >= 0 { shortestOfSlot[slot[o.type]] = min(shortestOfSlot[slot[o.type]], max(1, o.minutes)) }
            }
        }

        var layers: [[PatternLabel]] = []
        var labels = 0
        var cutOff = false
        layers.reserveCapacity(D)
        var frontier = [PatternLabel(cost: 0, own: 0, minutes: 0, week: 0, weekends: 0, counts: 0, run: 0, working: false,
                                     touchesStart: true, lastWeekend: Int.min, last: -1, lastK: -1, parent: -1)]
        var heads = KeyHeads()
        var link: [Int32] = []
        var next: [PatternLabel] = []
        for d in 0..<D {
            heads.reset(expected: frontier.count * 2)
            link.removeAll(keepingCapacity: true)
            next = []
            let we = e.weekendOfDay[d]
            let nextWe = d + 1 < D ? e.weekendOfDay[d + 1] : Int.min
            let closesWeek = d % 7 == 6 || d == D - 1
            func offer(_ l: PatternLabel, _ opt: Int) {
                var l = l
                if closesWeek { weekEnd(&l) }
                if let ub = upperBound, let rest = completion?.after(d, minutes: l.minutes), l.cost > ub - rest { cutOff = true; return }
                if l.lastWeekend != nextWe { l.lastWeekend = Int.min }
                if normalise {
                    for s in capOf.indices {
                        var left = typeDaysAfter[d][s]
                        if let mx = info.maxTotalMinutes { left = min(left, max(0, mx - l.minutes) / shortestOfSlot[s]) }
                        let c = Int((l.counts >> (8 * UInt64(s))) & 0xFF)
                        if c < capOf[s] - left { l.counts += UInt64(capOf[s] - left - c) << (8 * UInt64(s)) }
                    }
                    if let cap = weekendCap {
                        let left = weekendsAfter[d] - (l.lastWeekend != Int.min && nextWeekendAfter[d] ? 1 : 0)
                        l.weekends = max(l.weekends, cap - left)
                    }
                }
                let run = l.working ? min(l.run, 63) : min(l.run, maxRunCap)
                let ts = l.touchesStart && l.run < maxRunCap ? 1 : 0
                let key = (opt == 0 ? 0 : successorClass[d][opt - 1]) | run << 8 | ts << 14 | (l.lastWeekend == Int.min ? 0 : 1) << 15
                    | min(l.week, 16383) << 16 | minutesKey(l.minutes, d) << 30 | weekendsKey(l.weekends, d) << 56
                var count = 0
                var worst = -1
                let slot = heads.slot(key)
                var i = heads.head(slot)
                while i >= 0 {
                    let o = next[Int(i)]
                    if o.cost != Int.max {
                        if o.cost <= l.cost && o.weekends <= l.weekends && countsLE(o.counts, l.counts) { return }
                        if l.cost <= o.cost && l.weekends <= o.weekends && countsLE(l.counts, o.counts) {
                            next[Int(i)].cost = Int.max        // dominated: dead
                        } else {
                            count += 1
                            if worst < 0 || o.cost > next[worst].cost { worst = Int(i) }
                        }
                    }
                    i = link[Int(i)]
                }
                if count >= keep {
                    if next[worst].cost > l.cost { next[worst] = l }
                    return
                }
                next.append(l)
                link.append(heads.head(slot))
                heads.set(slot, key, Int32(next.count - 1))
            }
            func countsLE(_ a: UInt64, _ b: UInt64) -> Bool {
                for k in 0..<capOf.count where (a >> (8 * UInt64(k))) & 0xFF > (b >> (8 * UInt64(k))) & 0xFF { return false }
                return true
            }
            for (pi, p) in frontier.enumerated() where p.cost != Int.max {
                // A day off.
                if !free.contains(d) && !options[d].isEmpty {
                    // Outside the window the worker keeps their shift.
                } else {
                    // A working run too short ends (runs touching day 0 are exempt).
                    var l = p
                    l.parent = Int32(pi); l.last = -1; l.lastK = -1
                    l.cost += scale * offPrice[d]; l.own += offPrice[d]
                    if p.working && d > 0 && !p.touchesStart && p.run < info.minConsecutiveDays {
                        l.cost += lam * 240 * (info.minConsecutiveDays - p.run)
                    }
                    if p.working || d == 0 {
                        l.run = 1; l.working = false; l.touchesStart = d == 0
                    } else {
                        l.run += 1
                    }
                    offer(l, 0)
                }
                // A shift.
                if p.working && p.run >= info.maxConsecutiveDays { continue }
                let row = p.lastK * options[d].count
                var group = -1, taken = 0
                for k in tryOrder[d] {
                    let o = options[d][k]
                    // A beam keeps `keep` labels a key: from one parent, more options of one group (same
                    // successor class and minutes, so the same key) than that cannot all survive.
                    if beamGroups {
                        if groupOf[d][k] != group { group = groupOf[d][k]; taken = 0 } else if taken >= keep { continue }
                    }
                    if p.lastK >= 0 && !follows[d][row + k] { continue }
                    var l = p
                    l.parent = Int32(pi); l.last = o.h; l.lastK = k
                    l.cost += o.price; l.own += o.own
                    l.minutes += o.minutes
                    if let mx = info.maxTotalMinutes, l.minutes > mx { continue }
                    if trackWeek {
                        l.week += o.minutes
                        if l.week > info.maxWeeklyMinutes { continue }
                    }
                    let s = slot[o.type]
                    if s >= 0 {
                        let shiftBy = 8 * UInt64(s)
                        let c = Int((l.counts >> shiftBy) & 0xFF) + 1
                        if c > capOf[s] { continue }
                        l.counts += 1 << shiftBy
                    }
                    if we != Int.min && l.lastWeekend != we {
                        l.weekends += 1; l.lastWeekend = we
                        if let cap = weekendCap, l.weekends > cap { continue }
                    }
                    if p.working && d > 0 {
                        l.run += 1
                    } else {
                        if d > 0 && !p.touchesStart && p.run < info.minConsecutiveDaysOff {
                            l.cost += lam * 240 * (info.minConsecutiveDaysOff - p.run)
                        }
                        l.run = 1; l.working = true; l.touchesStart = d == 0
                    }
                    offer(l, k + 1)
                    taken += 1
                }
            }
            // Every label dropped by the bound: no plan costs at most `upperBound` (empty, not nil).
            guard !next.isEmpty else { return cutOff ? ([], complete, labels) : nil }
            labels += next.count
            if let limit = labelLimit, labels > limit { return nil }
            layers.append(next)
            frontier = next
        }
        // The total's minimum; runs touching the last day are exempt.
        var ends: [(index: Int, cost: Int)] = []
        for (i, l) in frontier.enumerated() where l.cost != Int.max {
            ends.append((i, l.cost + lam * max(0, info.minTotalMinutes - l.minutes)))
        }
        guard !ends.isEmpty else { return cutOff ? ([], complete, labels) : nil }
        if alternatives == 0 {
            ends = [ends.min { $0.cost < $1.cost || ($0.cost == $1.cost && $0.index < $1.index) }!]
        } else {
            ends.sort { $0.cost < $1.cost || ($0.cost == $1.cost && $0.index < $1.index) }
            ends = Array(ends.prefix(1 + alternatives))
        }
        let plans = ends.map { end -> (plan: [Int?], cost: Int, own: Int) in
            var plan = [Int?](repeating: nil, count: D)
            var i = end.index
            for d in stride(from: D - 1, through: 0, by: -1) {
                let l = layers[d][i]
                plan[d] = l.last >= 0 ? l.last : nil
                i = Int(l.parent)
            }
            return (plan, end.cost, frontier[end.index].own)
        }
        return (plans, complete, labels)
    }

    /// Re-plans `w` by `planPattern` and applies it; false when nothing changes or a rule refuses.
    /// Nine times in ten each day's prices carry noise of up to ±1-35, so the search does not keep
    /// re-finding one plan: without it the move stalls (Curtois & Qu 7 and 9, greedy alone, 20 s,
    /// seeds 1-2: 2249/2334 and 1375/1339 without noise; up to ±20 half the time, 1504/1323 and
    /// 566/651; up to ±35 nine times in ten, 1251/1172 and 616/596; ±100, 1426/1421 and 751/764). Horizons longer than five
    /// weeks are re-planned a window of three to five weeks at a time (the rest held as it is), so
    /// that one move stays cheap on a year's roster.
    func patternMove(_ w: Int) -> (String, Bool) {
        let noise = rng.chance(0.9) ? 1 + rng.int(35) : 0
        let window = randomWindow()
        // A worker short of a minimum is re-planned with the richest key (see `constructByPatterns`).
        beamKey = e.wev[w].penalty == 0 ? .lean : .weekends
        defer { beamKey = .lean }
        guard let plan = planPattern(w, window: window, noise: noise) else { return ("pattern", false) }
        return ("pattern", apply(plan, to: w))
    }

    /// Over horizons longer than five weeks, three to five weeks at random to re-plan (the rest
    /// held as it is), so that one move stays cheap on a year's roster; nil (the whole horizon) up to five.
    func randomWindow() -> Range<Int>? {
        guard e.D > 35 else { return nil }
        let length = 21 + rng.int(15)
        let a = rng.int(e.D - length + 1)
        return a..<(a + length)
    }

    /// Gives `w` the shifts of `plan` (journaled); false when nothing changes or a rule refuses.
    func apply(_ plan: [Int?], to w: Int) -> Bool {
        var current = [Int?](repeating: nil, count: e.D)
        for d in 0..<e.D { current[d] = shiftOn(w, d) }
        guard plan != current else { return false }
        for d in 0..<e.D where current[d] != nil && current[d] != plan[d] {
            if !remove(current[d]!, w) { return false }
        }
        for d in 0..<e.D where plan[d] != nil && current[d] != plan[d] {
            if !add(plan[d]!, w) { return false }
        }
        return true
    }

    /// Construction by patterns, for shift rostering without sessions: each worker in turn (those
    /// open to the fewest shifts first) takes their cheapest plan over the whole horizon against the
    /// cover the others have so far, with the minimum rules weighted far above any cover, so that
    /// every worker whose rules can be met meets them. Up to nine weeks, a beam of two labels a key
    /// (of one once `hurry` says so), then richer ones where that breaks a minimum; beyond, one beam
    /// (below). Returns the workers it could not plan and how many workers each beam was tried on.
    func constructByPatterns(hurry: () -> Bool) -> (missed: [Int], tries: [Int]) {
        let saved = lambda
        lambda = 1 << 20
        defer { lambda = saved; beamKey = .lean; journal.removeAll() }
        var open = [Int](repeating: 0, count: e.nW)
        for ws in e.eligibleShiftWorkers { for w in ws { open[w] += 1 } }
        // Beyond nine weeks one beam of one label a key, keyed on the weekends' pace too: wider beams cost
        // ten to a hundred times as much (a year of 32 shift types: 1-25 s a worker), and the local search
        // repairs what it leaves short. The weekends in the key make a far better start there than the
        // lean key (the year of 10 shift types and 50 workers, seed 1, 60 s: 83261 after construction and
        // 53849 at the end, against 107548 and 69869; of 32 types and 150 workers, 300401 against 327503).
        func levels(_ hurry: Bool) -> [(Int, BeamKey)] {
            return e.D > Self.pacedBeyondDays ? [(1, .weekends)] : [(hurry ? 1 : 2, .lean), (2, .weekends), (8, .weekends)]
        }
        var missed: [Int] = []
        var tries = [0, 0, 0]
        for w in (0..<e.nW).sorted(by: { (open[$0], $0) < (open[$1], $1) }) {
            // A plan that breaks a minimum is the beam's failing (or the rules'): beams with richer keys
            // try again (`BeamKey`).
            // The worker has no shifts between tries, so an empty plan is taken by doing nothing.
            func take(_ plan: [Int?]) -> Bool { apply(plan, to: w) || plan.allSatisfy { $0 == nil } }
            var best: (penalty: Int, plan: [Int?])?
            for (level, (keep, key)) in levels(hurry()).enumerated() {
                beamKey = key
                tries[level] += 1
                guard let plan = planPattern(w, keep: keep) else { break }
                if take(plan) {
                    if best == nil || e.wev[w].penalty < best!.penalty { best = (e.wev[w].penalty, plan) }
                }
                undo()
                if best?.penalty == 0 { break }
            }
            if let best, take(best.plan) {
                journal.removeAll()
            } else {
                undo()
                missed.append(w)
            }
        }
        return (missed, tries)
    }
}

/// What a beam's labels key on beyond the successor class, the run and the week (exact pricing keys
/// on the minutes exactly and leaves the weekends to dominance). A beam keeps the cheapest labels of
/// a key, and the cheapest have often spent early what the minimums need later: the weekends a
/// worker may work (cover is dear there), or the minutes of a worker who can barely reach their
/// minimum total. Richer keys keep such labels apart, at the price of more labels.
enum BeamKey {
    /// The minutes (where a total can bind): exactly, or over more than nine weeks by how far they are
    /// from an even pace towards the worker's minimum total, in steps of their longest day (from 8
    /// behind to 16 ahead; beyond, labels share a key).
    case lean
    /// As `lean`, and the weekends worked where their cap binds (over more than nine weeks, whether they
    /// are behind, at or ahead of an even pace towards the cap).
    case weekends
}

/// The heads of the label chains of one day, by key: open addressing over a power-of-two table,
/// cleared by generation rather than by writing it (a dictionary's hashing was a sixth of a long
/// horizon's pricing).
struct KeyHeads {
    private var keys: [Int] = []
    private var heads: [Int32] = []
    private var stamps: [UInt32] = []
    private var generation: UInt32 = 0
    private var mask = 0
    private var count = 0

    /// Empties the table, sized for about `expected` keys.
    mutating func reset(expected: Int) {
        generation &+= 1
        count = 0
        let want = max(64, (expected * 2).nextPowerOfTwo)
        if want > keys.count || generation == 0 {
            keys = Array(repeating: 0, count: want)
            heads = Array(repeating: -1, count: want)
            stamps = Array(repeating: 0, count: want)
            mask = want - 1
            if generation == 0 { generation = 1 }
        }
    }

    /// The slot of `key`: where it is, or where it would go.
    mutating func slot(_ key: Int) -> Int {
        if count * 2 >= keys.count { grow() }
        var i = Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
        while stamps[i] == generation && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    /// The chain head in `slot`, or -1.
    func head(_ slot: Int) -> Int32 { stamps[slot] == generation ? heads[slot] : -1 }

    mutating func set(_ slot: Int, _ key: Int, _ head: Int32) {
        if stamps[slot] != generation { stamps[slot] = generation; keys[slot] = key; count += 1 }
        heads[slot] = head
    }

    private mutating func grow() {
        let old = (0..<keys.count).filter { stamps[$0] == generation }.map { (keys[$0], heads[$0]) }
        let size = keys.count * 2
        keys = Array(repeating: 0, count: size)
        heads = Array(repeating: -1, count: size)
        stamps = Array(repeating: 0, count: size)
        mask = size - 1
        count = 0
        for (k, h) in old { let s = slot(k); set(s, k, h) }
    }
}

private extension Int {
    var nextPowerOfTwo: Int { self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}

/// A lower bound on what the days after a given day can add to a plan's cost, given the minutes
/// worked so far: each later day costs at least the cheaper of its day off and its cheapest shift,
/// and the number of days worked is at most what the total's maximum leaves (at the shortest shift)
/// and, short of what its minimum needs (at the longest), pays the minimum's weight a minute. The
/// other rules (successions, runs, caps, weekends) are left out, so it is a bound, not a plan. Used
/// to drop labels in exact pricing (`planPatternPriced`).
struct CompletionBound {
    private let base: [Int]          // per day d: the days off after d
    private let gains: [[Int]]       // per day d: prefix sums of (cheapest shift − day off) after d, ascending
    private let shortest: [Int], longest: [Int]
    private let maxTotal: Int?, minTotal: Int, weight: Int
    private var cache: [[Int: Int]]

    init(options: [[(price: Int, minutes: Int)]], offPrice: [Int], maxTotal: Int?, minTotal: Int, weight: Int) {
        let D = options.count
        var base = [Int](repeating: 0, count: D), gains = [[Int]](repeating: [0], count: D)
        var shortest = [Int](repeating: Int.max, count: D), longest = [Int](repeating: 0, count: D)
        var deltas: [Int] = []
        var off = 0, lo = Int.max, hi = 0
        for d in stride(from: D - 1, through: 0, by: -1) {
            base[d] = off
            var sums = [0]
            for x in deltas.sorted() { sums.append(sums.last! + x) }
            gains[d] = sums
            shortest[d] = lo; longest[d] = hi
            off += offPrice[d]
            if let cheapest = options[d].map(\.price).min() {
                deltas.append(cheapest - offPrice[d])
                lo = min(lo, options[d].map(\.minutes).min()!)
                hi = max(hi, options[d].map(\.minutes).max()!)
            }
        }
        self.base = base; self.gains = gains; self.shortest = shortest; self.longest = longest
        self.maxTotal = maxTotal; self.minTotal = minTotal; self.weight = weight
        cache = [[Int: Int]](repeating: [:], count: D)
    }

    /// The least the days after `d` add to a label that has worked `minutes` by the end of day `d`.
    mutating func after(_ d: Int, minutes: Int) -> Int {
        if let v = cache[d][minutes] { return v }
        let sums = gains[d]
        var most = sums.count - 1
        if let mx = maxTotal, shortest[d] < Int.max { most = min(most, max(0, mx - minutes) / max(1, shortest[d])) }
        var least = Int.max
        for k in 0...most {
            let short = minTotal - minutes - k * longest[d]
            let v = sums[k] + (short > 0 ? weight * short : 0)
            least = min(least, v)
        }
        let v = base[d] + least
        cache[d][minutes] = v
        return v
    }
}
