import RotaModel

/// The pair move: two workers trade the shifts of any set of days, chosen at once by dynamic
/// programming over the days so that both workers' rules hold.
///
/// Trading a day leaves every shift's cover as it was, so what changes is each worker's own terms
/// (requests, the baseline, travel, overtime) and the rules that tie their days together. A single
/// worker's pattern move cannot do that: giving up a requested-off shift leaves its cover short
/// until another worker's plan changes too. The block swap trades a run of days; this move finds
/// the best set of days, which may be scattered, because a trade that helps requests usually breaks
/// a run (H10) that a second or third trade elsewhere mends.
///
/// The labels carry both workers' lines: per worker the run of working days or days off and whether
/// it touches the first day, the minutes (in all and in the week), the weekends, the shifts of each
/// type whose cap can bind (H9), and the last shift (successions, rest and travel). Strict rules
/// prune; minimum rules cost their penalty at the search's weight, as in the pattern move. Labels
/// with the same state for both workers merge, the cheaper kept, and each day keeps the cheapest
/// `pairBeam`. What the labels leave out (fairness, caps beyond eight types) the engine decides: the
/// trade is applied by its journaled operations and accepted on its true score.
extension LocalSearch {
    /// Labels kept a day by the pair move.
    static let pairBeam = 3000
    static let pairBeamAfterWindow = 32

    /// One worker's rules, as the pair move's labels need them.
    struct LineRules {
        let w: Int
        let info: WorkerInfo
        let capSlot: [Int]      // per shift type: its byte in `LineState.counts`, or -1
        let caps: [Int]
        let trackWeek: Bool
        let weekendCap: Int?
    }

    /// One worker's line so far.
    struct LineState: Hashable {
        var minutes = 0
        var week = 0
        var weekends = 0
        var lastWeekend = Int.min
        var counts: UInt64 = 0
        var run = 0
        var working = false
        var touchesStart = true
        var last = -1
    }

    struct PairKey: Hashable {
        var a: LineState
        var b: LineState
    }

    struct PairLabel {
        var key: PairKey
        var cost: Int
        var parent: Int32
        var swap: Bool
    }

    /// `w`'s rules for the pair move, worked out once a worker (they depend on the scenario alone).
    func lineRules(_ w: Int) -> LineRules {
        if let r = lineRulesCache[w] { return r }
        let r = makeLineRules(w)
        lineRulesCache[w] = r
        return r
    }

    private func makeLineRules(_ w: Int) -> LineRules {
        let info = e.inst.workers[w]
        var capSlot = [Int](repeating: -1, count: e.inst.shiftTypes.count)
        var caps: [Int] = []
        var maxDayMinutes = 0
        for t in 0..<e.inst.shiftTypes.count {
            var days = 0
            for d in 0..<e.D where shiftsByDay[d].contains(where: { e.inst.shifts[$0].type == t && e.eligibleShiftWorkers[$0].contains(w) }) {
                days += 1
            }
            guard let cap = info.maxShifts[t], cap < days, caps.count < 8 else { continue }
            capSlot[t] = caps.count
            caps.append(min(cap, 255))
        }
        for d in 0..<e.D { for h in shiftsByDay[d] { maxDayMinutes = max(maxDayMinutes, e.shiftAct(h, w).minutes) } }
        let trackWeek = info.minWeeklyMinutes > 0 || info.contractMinutes != nil || info.maxWeeklyMinutes < 7 * maxDayMinutes
        return LineRules(w: w, info: info, capSlot: capSlot, caps: caps, trackWeek: trackWeek,
                         weekendCap: info.maxWeekends.map { $0 - info.historyWeekends })
    }

    /// `s` after day `d` worked on shift `h` (nil: off), with the day's own cost and minutes; nil when
    /// a strict rule breaks. The cost added is the worker's own terms and any minimum that the day
    /// leaves broken, at weight `lambda`.
    func step(_ r: LineRules, _ s: LineState, day d: Int, shift h: Int?, own: Int, minutes: Int) -> (LineState, Int)? {
        let info = r.info
        let lam = lambda
        var l = s
        var cost = own
        if let h {
            if s.working && s.run >= info.maxConsecutiveDays { return nil }
            if s.last >= 0 && !mayFollow(r.w, s.last, h) { return nil }
            l.last = h
            l.minutes += minutes
            if let mx = info.maxTotalMinutes, l.minutes > mx { return nil }
            if r.trackWeek {
                l.week += minutes
                if l.week > info.maxWeeklyMinutes { return nil }
            }
            let slot = r.capSlot[e.inst.shifts[h].type]
            if slot >= 0 {
                let by = 8 * UInt64(slot)
                if Int((l.counts >> by) & 0xFF) + 1 > r.caps[slot] { return nil }
                l.counts += 1 << by
            }
            let we = e.weekendOfDay[d]
            if we != Int.min && l.lastWeekend != we {
                l.weekends += 1; l.lastWeekend = we
                if let cap = r.weekendCap, l.weekends > cap { return nil }
            }
            if s.working && d > 0 {
                l.run += 1
            } else {
                if d > 0 && !s.touchesStart && s.run < info.minConsecutiveDaysOff {
                    cost += lam * 240 * (info.minConsecutiveDaysOff - s.run)
                }
                l.run = 1; l.working = true; l.touchesStart = d == 0
            }
        } else {
            l.last = -1
            if s.working && d > 0 && !s.touchesStart && s.run < info.minConsecutiveDays {
                cost += lam * 240 * (info.minConsecutiveDays - s.run)
            }
            if s.working || d == 0 {
                l.run = 1; l.working = false; l.touchesStart = d == 0
            } else {
                l.run += 1
            }
        }
        if r.trackWeek && (d % 7 == 6 || d == e.D - 1) {
            if l.week < info.minWeeklyMinutes { cost += lam * (info.minWeeklyMinutes - l.week) }
            if let c = info.contractMinutes, l.week > c { cost += e.wt.overtimeMinute * (l.week - c) }
            l.week = 0
        }
        // Only whether this weekend is already counted matters, and only until it ends.
        if l.lastWeekend != (d + 1 < e.D ? e.weekendOfDay[d + 1] : Int.min) { l.lastWeekend = Int.min }
        // Days off beyond their minimum look alike to the future, and so does a run that touches the
        // first day once it is as long as its minimum (only a shorter one is exempt).
        if !l.working { l.run = min(l.run, max(info.minConsecutiveDaysOff, 1)) }
        if l.run >= (l.working ? info.minConsecutiveDays : info.minConsecutiveDaysOff) { l.touchesStart = false }
        return (l, cost)
    }

    /// The days on which `a` and `b` should trade their shifts (within `window`, when given), the
    /// cheapest set for both workers' own terms and rules; nil when the cheapest is to trade nothing
    /// or either worker cannot be planned.
    func planPair(_ a: Int, _ b: Int, window: Range<Int>? = nil) -> [Bool]? {
        guard a != b, e.D > 0, patternEligible(a), patternEligible(b) else { return nil }
        let D = e.D
        let free = window ?? 0..<D
        let ra = lineRules(a), rb = lineRules(b)
        // Per day: each worker's shift (or nil), and whether a trade is possible.
        var xa = [Int?](repeating: nil, count: D), xb = xa
        var canSwap = [Bool](repeating: false, count: D)
        var ownKeep = [(a: (Int, Int), b: (Int, Int))](repeating: ((0, 0), (0, 0)), count: D)
        var ownSwap = ownKeep
        func option(_ w: Int, _ h: Int?, _ d: Int) -> (Int, Int)? {
            let info = w == a ? ra.info : rb.info
            guard let h else { return (offCost(info, d), 0) }
            return shiftOption(w, h, info)
        }
        var anySwap = false
        for d in 0..<D {
            xa[d] = shiftOn(a, d); xb[d] = shiftOn(b, d)
            guard let ka = option(a, xa[d], d), let kb = option(b, xb[d], d) else { return nil }
            ownKeep[d] = (ka, kb)
            guard free.contains(d), xa[d] != xb[d], let sa = option(a, xb[d], d), let sb = option(b, xa[d], d) else { continue }
            canSwap[d] = true; anySwap = true
            ownSwap[d] = (sa, sb)
        }
        guard anySwap else { return nil }

        var layers: [[PairLabel]] = []
        layers.reserveCapacity(D)
        var frontier = [PairLabel(key: PairKey(a: LineState(), b: LineState()), cost: 0, parent: -1, swap: false)]
        var index: [PairKey: Int] = [:]
        for d in 0..<D {
            var next: [PairLabel] = []
            index.removeAll(keepingCapacity: true)
            for (pi, p) in frontier.enumerated() {
                for swap in [false, true] where !swap || canSwap[d] {
                    let (ha, hb) = swap ? (xb[d], xa[d]) : (xa[d], xb[d])
                    let (oa, ob) = swap ? ownSwap[d] : ownKeep[d]
                    guard let (sa, ca) = step(ra, p.key.a, day: d, shift: ha, own: oa.0, minutes: oa.1),
                          let (sb, cb) = step(rb, p.key.b, day: d, shift: hb, own: ob.0, minutes: ob.1) else { continue }
                    let l = PairLabel(key: PairKey(a: sa, b: sb), cost: p.cost + ca + cb, parent: Int32(pi), swap: swap)
                    if let i = index[l.key] {
                        if l.cost < next[i].cost { next[i] = l }
                    } else {
                        index[l.key] = next.count
                        next.append(l)
                    }
                }
            }
            guard !next.isEmpty else { return nil }
            // After the window nothing branches, and only the cheapest few labels are carried to the end.
            let beam = d >= free.upperBound ? Self.pairBeamAfterWindow : Self.pairBeam
            if next.count > beam {
                next.sort { $0.cost < $1.cost }
                next.removeLast(next.count - beam)
            }
            layers.append(next)
            frontier = next
        }
        func final(_ l: PairLabel) -> Int {
            l.cost + lambda * (max(0, ra.info.minTotalMinutes - l.key.a.minutes) + max(0, rb.info.minTotalMinutes - l.key.b.minutes))
        }
        var best = 0
        for i in frontier.indices where final(frontier[i]) < final(frontier[best]) { best = i }
        var plan = [Bool](repeating: false, count: D)
        var i = best
        for d in stride(from: D - 1, through: 0, by: -1) {
            plan[d] = layers[d][i].swap
            i = Int(layers[d][i].parent)
        }
        return plan.contains(true) ? plan : nil
    }

    /// A request of a pattern worker's that the rota leaves unmet, and a second worker whose shift
    /// that day would meet it in a trade: for a request to work, one who works a shift it names;
    /// for a request to be off, one who could work the first worker's shift. Nil when there is none.
    func unmetRequestPair() -> (Int, Int)? {
        var unmet: [(w: Int, r: RequestInfo)] = []
        for w in patternWorkers {
            for r in e.inst.workers[w].requests where r.day >= 0 && r.day < e.D && r.weight > 0 {
                let h = shiftOn(w, r.day)
                let matches = h.map { r.shiftType == nil || e.inst.shifts[$0].type == r.shiftType } ?? false
                if matches != r.on { unmet.append((w, r)) }
            }
        }
        guard !unmet.isEmpty else { return nil }
        let (a, r) = unmet[rng.int(unmet.count)]
        let mine = shiftOn(a, r.day)
        let partners = patternWorkers.filter { b in
            guard b != a else { return false }
            let theirs = shiftOn(b, r.day)
            if r.on {
                guard let hb = theirs else { return false }
                return r.shiftType == nil || e.inst.shifts[hb].type == r.shiftType
            }
            return mine.map { e.eligibleShiftWorkers[$0].contains(b) } ?? false
        }
        guard !partners.isEmpty else { return nil }
        return (a, partners[rng.int(partners.count)])
    }

    /// Trades the days `planPair` picks between `w` and a second worker at random (journaled); in a
    /// share `pairTargetRate` of moves the two are instead a worker with an unmet request and one
    /// whose shift would meet it (`unmetRequestPair`).
    func pairMove(_ w: Int) -> (String, Bool) {
        var (a, b) = (w, w)
        if pairTargetRate > 0 && rng.chance(pairTargetRate), let pair = unmetRequestPair() {
            (a, b) = pair
        } else {
            let others = patternWorkers.filter { $0 != a }
            guard !others.isEmpty else { return ("pair", false) }
            b = others[rng.int(others.count)]
        }
        guard let plan = planPair(a, b, window: randomWindow()) else { return ("pair", false) }
        for d in 0..<e.D where plan[d] {
            guard tradeDay(d, a, b) else { return ("pair", false) }
        }
        return ("pair", true)
    }
}
