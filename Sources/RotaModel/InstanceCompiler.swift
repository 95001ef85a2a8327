import Foundation

extension Instance {
    /// Reads and validates a scenario file (JSON or YAML), and compiles it.
    /// - Throws: `InputError` naming the file and listing every problem, each with its JSON path.
    public static func load(path: String) throws -> Instance {
        try loadWithWarnings(path: path).instance
    }

    /// Like `load(path:)`, also returning the warnings (unknown fields, requests outside the horizon).
    public static func loadWithWarnings(path: String) throws -> (instance: Instance, warnings: [Diagnostic]) {
        let value = try DocumentLoader.load(path: path)
        return try compileWithWarnings(value, file: path)
    }

    /// Validates and compiles a parsed scenario document.
    public static func compile(_ value: JSONValue, file: String) throws -> Instance {
        try compileWithWarnings(value, file: file).instance
    }

    static func compileWithWarnings(_ value: JSONValue, file: String) throws -> (instance: Instance, warnings: [Diagnostic]) {
        let sink = DiagnosticSink()
        let scenario = ScenarioReader(sink: sink).read(value)
        // Cross-references are checked even when the reader found problems, so that every
        // problem in the document is reported at once.
        guard let scenario else { throw InputError(file: file, diagnostics: sink.items) }
        let (instance, diagnostics) = compile(scenario, sink: sink)
        guard let instance, !sink.hasErrors else { throw InputError(file: file, diagnostics: diagnostics) }
        return (instance, diagnostics.filter { $0.severity == .warning })
    }

    /// Validates and compiles a scenario built in code.
    public static func compile(_ scenario: Scenario, file: String = "<scenario>") throws -> Instance {
        let sink = DiagnosticSink()
        let (instance, diagnostics) = compile(scenario, sink: sink)
        guard let instance, !sink.hasErrors else { throw InputError(file: file, diagnostics: diagnostics) }
        return instance
    }

    static func compile(_ sc: Scenario, sink: DiagnosticSink) -> (Instance?, [Diagnostic]) {
        guard let clock = HorizonClock(timeZone: sc.timeZone, start: sc.horizon.start, days: sc.horizon.days) else {
            sink.error("$.timeZone", "'\(sc.timeZone)' is not a time zone of the IANA database (for example Europe/London)")
            return (nil, sink.items)
        }
        let days = sc.horizon.days
        let weekdays = (0..<days).map { sc.horizon.start.adding(days: $0).weekday }

        func index<T>(_ items: [T], _ id: (T) -> String, _ section: String) -> [String: Int] {
            var map: [String: Int] = [:]
            for (i, item) in items.enumerated() {
                let key = id(item)
                if let first = map[key] {
                    sink.error("$.\(section)[\(i)].id", "duplicate id '\(key)' (first used at $.\(section)[\(first)]): ids must be unique")
                } else {
                    map[key] = i
                }
            }
            return map
        }
        let locationIndex = index(sc.locations, \.id, "locations")
        let venueIndex = index(sc.venues, \.id, "venues")
        let workerIndex = index(sc.workers, \.id, "workers")
        let caseIndex = index(sc.cases, \.id, "cases")
        let sessionIndex = index(sc.sessions, \.id, "sessions")
        let shiftTypeIndex = index(sc.shiftTypes, \.id, "shiftTypes")
        let shiftIndex = index(sc.shifts, \.id, "shifts")

        func ref(_ map: [String: Int], _ id: String, _ path: String, _ what: String, _ section: String) -> Int? {
            if let i = map[id] { return i }
            sink.error(path, "unknown \(what) '\(id)': no entry in $.\(section) has this id")
            return nil
        }

        // Times.
        func abs(_ t: LocalDateTime, _ path: String) -> Int? {
            switch clock.resolve(t) {
            case .exact(let a), .ambiguous(let a, _): return a
            case .nonexistent:
                sink.error(path, "\(t) does not exist in \(sc.timeZone) (the clocks go forward then): use a time after the change")
                return nil
            }
        }
        /// For recurring windows a skipped wall-clock time means the first instant after the jump.
        func absLenient(_ t: LocalDateTime) -> Int {
            var n = t
            for _ in 0..<240 {
                if let a = clock.absolute(n) { return a }
                n = LocalDateTime(naiveMinutes: n.naiveMinutes + 1)
            }
            return clock.absolute(t) ?? 0
        }
        func weekly(_ windows: [WeeklyWindow]) -> [Interval] {
            var out: [Interval] = []
            for d in -1...days {
                let date = sc.horizon.start.adding(days: d)
                let wd = date.weekday
                for w in windows where w.days.contains(wd) {
                    let s = absLenient(LocalDateTime(date: date, minuteOfDay: w.from))
                    let e = w.to >= 1440 ? absLenient(LocalDateTime(date: date.adding(days: 1), minuteOfDay: w.to - 1440))
                                         : absLenient(LocalDateTime(date: date, minuteOfDay: w.to))
                    if e > s { out.append(Interval(s, e)) }
                }
            }
            return out.merged()
        }
        let horizonInterval = Interval(clock.dayStarts[0], clock.dayStarts[days])

        // Locations and travel.
        var matrix: [(from: Int, to: Int, minutes: Int, km: Double?)] = []
        for (i, e) in sc.travelMatrix.enumerated() {
            let a = ref(locationIndex, e.from, "$.travelMatrix[\(i)].from", "location", "locations")
            let b = ref(locationIndex, e.to, "$.travelMatrix[\(i)].to", "location", "locations")
            if let a, let b { matrix.append((a, b, e.minutes, e.km)) }
        }
        let travel = TravelTable(locations: sc.locations, settings: sc.travel, matrix: matrix)

        // Shift types.
        var shiftTypes: [ShiftTypeInfo] = []
        for (i, t) in sc.shiftTypes.enumerated() {
            let p = "$.shiftTypes[\(i)]"
            let loc = t.location.flatMap { ref(locationIndex, $0, "\(p).location", "location", "locations") }
            var cf = Set<Int>()
            for (j, id) in t.cannotFollow.enumerated() {
                if let k = ref(shiftTypeIndex, id, "\(p).cannotFollow[\(j)]", "shift type", "shiftTypes") { cf.insert(k) }
            }
            shiftTypes.append(ShiftTypeInfo(id: t.id, start: t.start, duration: t.durationMinutes, counted: t.counted,
                                            standby: t.standby, location: loc, cannotFollow: cf, fairness: t.fairness))
        }

        // Workers.
        var workers: [WorkerInfo] = []
        for (i, w) in sc.workers.enumerated() {
            let p = "$.workers[\(i)]"
            let base = ref(locationIndex, w.base, "\(p).base", "location", "locations") ?? 0
            var unavailable: [(Interval, String)] = []
            for (j, u) in w.unavailable.enumerated() {
                if let a = abs(u.from, "\(p).unavailable[\(j)].from"), let b = abs(u.to, "\(p).unavailable[\(j)].to"), b > a {
                    unavailable.append((Interval(a, b), u.reason ?? "unavailable"))
                }
            }
            unavailable.sort { $0.0.start < $1.0.start }
            var maxShifts = [Int?](repeating: nil, count: sc.shiftTypes.count)
            for k in w.maxShifts.keys.sorted() {
                if let t = ref(shiftTypeIndex, k, "\(p).maxShifts.\(k)", "shift type", "shiftTypes") { maxShifts[t] = w.maxShifts[k] }
            }
            var hist = [Int](repeating: 0, count: sc.shiftTypes.count)
            for k in w.history.shiftCounts.keys.sorted() {
                if let t = shiftTypeIndex[k] { hist[t] = w.history.shiftCounts[k]! } else {
                    sink.warning("\(p).history.shiftCounts.\(k)", "history for unknown shift type '\(k)' is ignored")
                }
            }
            var requests: [RequestInfo] = []
            for (j, r) in w.requests.enumerated() {
                var type: Int?
                if let st = r.shiftType {
                    type = ref(shiftTypeIndex, st, "\(p).requests[\(j)].shiftType", "shift type", "shiftTypes")
                    if type == nil { continue }
                }
                let day = r.date.dayNumber - sc.horizon.start.dayNumber
                if day < 0 || day >= days {
                    sink.warning("\(p).requests[\(j)].date", "\(r.date) is outside the horizon: the request can only be broken (an 'on' request) or kept (an 'off' one) as it stands")
                }
                requests.append(RequestInfo(day: day, shiftType: type, on: r.on, weight: r.weight))
            }
            let maxC = w.maxConsecutiveDays ?? sc.rules.maxConsecutiveDays
            let minC = w.minConsecutiveDays ?? sc.rules.minConsecutiveDays
            if minC > maxC { sink.error(p, "minConsecutiveDays (\(minC)) is greater than maxConsecutiveDays (\(maxC))") }
            workers.append(WorkerInfo(
                id: w.id, skills: Set(w.skills), base: base, contractMinutes: w.contractMinutes,
                maxWeeklyMinutes: w.maxMinutes ?? sc.rules.maxWeeklyMinutes, minWeeklyMinutes: w.minMinutes,
                minTotalMinutes: w.minTotalMinutes, maxTotalMinutes: w.maxTotalMinutes,
                availability: w.availability.map(weekly), unavailable: unavailable.map(\.0),
                unavailableReasons: unavailable.map(\.1), caseloadCap: w.caseloadCap, caseloadOther: w.caseloadOther,
                maxShifts: maxShifts, maxWeekends: w.maxWeekends, maxConsecutiveDays: maxC, minConsecutiveDays: minC,
                minConsecutiveDaysOff: w.minConsecutiveDaysOff ?? sc.rules.minConsecutiveDaysOff,
                historyWeekends: w.history.weekendsWorked, historyShiftCounts: hist, requests: requests))
        }

        // Cases.
        var cases: [CaseInfo] = []
        for (i, c) in sc.cases.enumerated() {
            let p = "$.cases[\(i)]"
            let alloc = c.allocatedWorker.flatMap { ref(workerIndex, $0, "\(p).allocatedWorker", "worker", "workers") }
            var ex = Set<Int>()
            for (j, id) in c.excludedWorkers.enumerated() {
                if let k = ref(workerIndex, id, "\(p).excludedWorkers[\(j)]", "worker", "workers") { ex.insert(k) }
            }
            if let a = alloc, ex.contains(a) { sink.error("\(p).allocatedWorker", "the allocated worker '\(c.allocatedWorker!)' is also in excludedWorkers") }
            cases.append(CaseInfo(id: c.id, allocatedWorker: alloc, excluded: ex, needsSkills: c.needsSkills))
        }

        // Venues.
        var venues: [VenueInfo] = []
        for (i, v) in sc.venues.enumerated() {
            let loc = ref(locationIndex, v.location, "$.venues[\(i)].location", "location", "locations") ?? 0
            venues.append(VenueInfo(id: v.id, location: loc, rooms: v.rooms, open: v.open.map(weekly)))
        }

        // Sessions.
        var sessions: [SessionInfo] = []
        for (i, s) in sc.sessions.enumerated() {
            let p = "$.sessions[\(i)]"
            let caseI = ref(caseIndex, s.case, "\(p).case", "case", "cases")
            var windows: [Interval] = []
            for (j, w) in s.windows.enumerated() {
                let q = "\(p).windows[\(j)]"
                guard let a = abs(w.from, "\(q).from"), let b = abs(w.to, "\(q).to") else { continue }
                if b <= a {
                    sink.error(q, "the window ends (\(w.to)) before or when it starts (\(w.from))")
                } else if b - a < s.durationMinutes {
                    sink.error(q, "the window \(w.from) to \(w.to) lasts \(b - a) min, shorter than the session's \(s.durationMinutes) min: widen the window or shorten the session")
                } else if a < horizonInterval.start || b > horizonInterval.end {
                    if !Interval(a, b).overlaps(horizonInterval) {
                        sink.error(q, "the window \(w.from) to \(w.to) lies outside the horizon (\(sc.horizon.start), \(days) days)")
                    } else {
                        windows.append(Interval(Swift.max(a, horizonInterval.start), Swift.min(b, horizonInterval.end)))
                    }
                } else {
                    windows.append(Interval(a, b))
                }
            }
            var vs: [Int] = []
            for (j, id) in s.venues.enumerated() {
                if let v = ref(venueIndex, id, "\(p).venues[\(j)]", "venue", "venues") { vs.append(v) }
            }
            let transport = s.transportFrom.flatMap { ref(locationIndex, $0, "\(p).transport.from", "location", "locations") }
            var preferred = Set<Int>()
            for (j, id) in s.preferredWorkers.enumerated() {
                if let k = ref(workerIndex, id, "\(p).preferredWorkers[\(j)]", "worker", "workers") { preferred.insert(k) }
            }
            var pin: PinInfo?
            if let pn = s.pinned {
                var ws: [Int] = []
                for (j, id) in pn.workers.enumerated() {
                    if let k = ref(workerIndex, id, "\(p).pinned.workers[\(j)]", "worker", "workers") { ws.append(k) }
                }
                if Set(pn.workers).count != pn.workers.count { sink.error("\(p).pinned.workers", "a worker is named twice") }
                if pn.workers.count != s.workersNeeded {
                    sink.error("\(p).pinned.workers", "the pin names \(pn.workers.count) worker(s) but the session needs \(s.workersNeeded)")
                }
                let pv = pn.venue.flatMap { ref(venueIndex, $0, "\(p).pinned.venue", "venue", "venues") }
                if pn.venue == nil && !s.venues.isEmpty { sink.error("\(p).pinned.venue", "the session happens at a venue: the pin must name one of its venues") }
                if let pv, !vs.contains(pv) { sink.error("\(p).pinned.venue", "'\(pn.venue!)' is not one of the session's venues") }
                if let t = abs(pn.start, "\(p).pinned.start") {
                    if clock.minuteOfDay(t) % sc.slotMinutes != 0 {
                        sink.error("\(p).pinned.start", "\(pn.start) is not on the \(sc.slotMinutes)-minute grid")
                    }
                    if !windows.contains(where: { $0.contains(Interval(t, t + s.durationMinutes)) }) {
                        sink.error("\(p).pinned.start", "a session pinned at \(pn.start) does not lie inside any of its windows")
                    }
                    pin = PinInfo(workers: ws, start: t, venue: pv)
                }
            }
            var skills = s.requiredSkills
            if let c = caseI { for k in sc.cases[c].needsSkills where !skills.contains(k) { skills.append(k) } }
            let cost = s.mandatory ? sc.weights.unassignedMandatory : sc.weights.unassignedSession * s.priority
            let info = SessionInfo(id: s.id, caseIndex: caseI ?? 0, duration: s.durationMinutes, windows: windows.sorted { $0.start < $1.start },
                                   venues: vs, workersNeeded: s.workersNeeded, skills: skills, transportFrom: transport,
                                   reportMinutes: s.reportMinutes, mandatory: s.mandatory, priority: s.priority,
                                   preferred: preferred, pinned: pin, unassignedCost: cost)
            sessions.append(info)
        }

        // Shifts.
        var shifts: [ShiftInfo] = []
        for (i, h) in sc.shifts.enumerated() {
            let p = "$.shifts[\(i)]"
            guard let t = ref(shiftTypeIndex, h.type, "\(p).type", "shift type", "shiftTypes") else { continue }
            let day = h.date.dayNumber - sc.horizon.start.dayNumber
            if day < 0 || day >= days { sink.error("\(p).date", "\(h.date) is outside the horizon (\(sc.horizon.start), \(days) days)"); continue }
            let type = sc.shiftTypes[t]
            guard let start = abs(LocalDateTime(date: h.date, minuteOfDay: type.start), "\(p).date") else { continue }
            var pinned: [Int] = []
            for (j, id) in h.pinnedWorkers.enumerated() {
                if let k = ref(workerIndex, id, "\(p).pinnedWorkers[\(j)]", "worker", "workers") { pinned.append(k) }
            }
            if pinned.count > h.max { sink.error("\(p).pinnedWorkers", "\(pinned.count) pinned workers exceed max \(h.max)") }
            shifts.append(ShiftInfo(id: h.id, type: t, day: day, interval: Interval(start, start + type.durationMinutes),
                                    required: h.required, min: h.min, max: h.max, skills: h.requiredSkills,
                                    underWeight: h.underWeight, overWeight: h.overWeight, pinnedWorkers: pinned))
        }

        var freeze: Int?
        if let f = sc.freezeBefore { freeze = abs(f, "$.freezeBefore") }
        guard !sink.hasErrors else { return (nil, sink.items) }
        let instance = Instance(
            scenario: sc, clock: clock, days: days, weeks: (days + 6) / 7, weekdays: weekdays, travel: travel,
            locationIDs: sc.locations.map(\.id), locationIndex: locationIndex, workers: workers, workerIndex: workerIndex,
            cases: cases, caseIndex: caseIndex, venues: venues, venueIndex: venueIndex, sessions: sessions,
            sessionIndex: sessionIndex, shiftTypes: shiftTypes, shiftTypeIndex: shiftTypeIndex, shifts: shifts,
            shiftIndex: shiftIndex, freezeBefore: freeze)
        // Every session needs at least one start on the grid inside a window.
        for (i, s) in instance.sessions.enumerated() where s.duration > 0 && !s.windows.isEmpty && instance.candidateStarts(s).isEmpty {
            sink.error("$.sessions[\(i)].windows", "no start on the \(sc.slotMinutes)-minute grid lets the \(s.duration)-minute session fit inside a window")
        }
        if let b = sc.baseline { instance.validateBaseline(b, pathPrefix: "$.baseline", sink: sink) }
        return (sink.hasErrors ? nil : instance, sink.items)
    }

    /// Checks that a baseline names only sessions, shifts, workers and venues of this scenario.
    public func validateBaseline(_ b: SolutionDocument, pathPrefix: String, sink: DiagnosticSink) {
        var seen = Set<String>()
        for (i, s) in b.sessions.enumerated() {
            let p = "\(pathPrefix).sessions[\(i)]"
            if sessionIndex[s.id] == nil { sink.error("\(p).id", "the baseline names unknown session '\(s.id)'") }
            if !seen.insert(s.id).inserted { sink.error("\(p).id", "session '\(s.id)' appears twice in the baseline") }
            for (j, w) in (s.workers ?? []).enumerated() where workerIndex[w] == nil {
                sink.error("\(p).workers[\(j)]", "the baseline names unknown worker '\(w)'")
            }
            if let v = s.venue, venueIndex[v] == nil { sink.error("\(p).venue", "the baseline names unknown venue '\(v)'") }
            if s.isAssigned {
                if let st = s.start {
                    if let t = LocalDateTime(parsing: st, allowEndOfDay: false) {
                        if clock.absolute(t) == nil { sink.error("\(p).start", "\(st) does not exist in \(scenario.timeZone)") }
                    } else { sink.error("\(p).start", "'\(st)' is not a local date and time: write YYYY-MM-DDTHH:MM") }
                } else { sink.error("\(p).start", "an assigned session needs a start") }
            }
        }
        for (i, h) in b.shifts.enumerated() {
            if shiftIndex[h.id] == nil { sink.error("\(pathPrefix).shifts[\(i)].id", "the baseline names unknown shift '\(h.id)'") }
            for (j, w) in h.workers.enumerated() where workerIndex[w] == nil {
                sink.error("\(pathPrefix).shifts[\(i)].workers[\(j)]", "the baseline names unknown worker '\(w)'")
            }
        }
    }

    /// Returns a copy whose scenario carries a different baseline (validated).
    public func withBaseline(_ b: SolutionDocument?, file: String) throws -> Instance {
        var sc = scenario
        sc.baseline = b
        return try Instance.compile(sc, file: file)
    }
}
