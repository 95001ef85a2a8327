import Foundation

/// Reads a `JSONValue` tree into a `Scenario`, filling in the spec's defaults and recording
/// every problem (wrong types, malformed dates and times, unknown weekday names, missing fields)
/// with its JSON path. Cross-references and time-zone checks are done by `ScenarioValidator`.
struct ScenarioReader {
    let sink: DiagnosticSink

    // MARK: Field helpers

    func object(_ v: JSONValue?, _ path: String, known: Set<String>? = nil) -> [String: JSONValue]? {
        guard let v else { return nil }
        guard case .object(let o) = v else {
            sink.error(path, "expected an object, found \(v.kindName)")
            return nil
        }
        if let known {
            for k in o.keys.sorted() where !known.contains(k) {
                sink.warning("\(path).\(k)", "unknown field '\(k)' is ignored (check the spelling)")
            }
        }
        return o
    }

    func present(_ o: [String: JSONValue], _ key: String) -> JSONValue? {
        guard let v = o[key] else { return nil }
        if case .null = v { return nil }
        return v
    }

    func string(_ o: [String: JSONValue], _ key: String, _ path: String, required: Bool = false) -> String? {
        guard let v = present(o, key) else {
            if required { sink.error("\(path).\(key)", "missing required field '\(key)'") }
            return nil
        }
        guard case .string(let s) = v else {
            sink.error("\(path).\(key)", "expected a string, found \(v.kindName)")
            return nil
        }
        if required && s.isEmpty { sink.error("\(path).\(key)", "must not be empty") }
        return s
    }

    func int(_ o: [String: JSONValue], _ key: String, _ path: String, required: Bool = false) -> Int? {
        guard let v = present(o, key) else {
            if required { sink.error("\(path).\(key)", "missing required field '\(key)'") }
            return nil
        }
        switch v {
        case .int(let i): return i
        case .double(let d) where d == d.rounded() && abs(d) < 1e15: return Int(d)
        case .double(let d):
            sink.error("\(path).\(key)", "expected a whole number, found \(d): the model counts whole minutes and whole weights")
            return nil
        default:
            sink.error("\(path).\(key)", "expected a whole number, found \(v.kindName)")
            return nil
        }
    }

    func double(_ o: [String: JSONValue], _ key: String, _ path: String, required: Bool = false) -> Double? {
        guard let v = present(o, key) else {
            if required { sink.error("\(path).\(key)", "missing required field '\(key)'") }
            return nil
        }
        switch v {
        case .int(let i): return Double(i)
        case .double(let d) where d.isFinite: return d
        default:
            sink.error("\(path).\(key)", "expected a number, found \(v.kindName)")
            return nil
        }
    }

    func bool(_ o: [String: JSONValue], _ key: String, _ path: String) -> Bool? {
        guard let v = present(o, key) else { return nil }
        guard case .bool(let b) = v else {
            sink.error("\(path).\(key)", "expected true or false, found \(v.kindName)")
            return nil
        }
        return b
    }

    func list(_ o: [String: JSONValue], _ key: String, _ path: String, required: Bool = false) -> [JSONValue]? {
        guard let v = present(o, key) else {
            if required { sink.error("\(path).\(key)", "missing required field '\(key)'") }
            return nil
        }
        guard case .array(let a) = v else {
            sink.error("\(path).\(key)", "expected a list, found \(v.kindName)")
            return nil
        }
        return a
    }

    func strings(_ o: [String: JSONValue], _ key: String, _ path: String) -> [String] {
        guard let items = list(o, key, path) else { return [] }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            if case .string(let s) = item { out.append(s) } else {
                sink.error("\(path).\(key)[\(i)]", "expected a string, found \(item.kindName)")
            }
        }
        return out
    }

    func date(_ o: [String: JSONValue], _ key: String, _ path: String, required: Bool = false) -> LocalDate? {
        guard let s = string(o, key, path, required: required) else { return nil }
        guard let d = LocalDate(parsing: s) else {
            sink.error("\(path).\(key)", "'\(s)' is not a date: write YYYY-MM-DD, a real calendar date")
            return nil
        }
        return d
    }

    func dateTime(_ o: [String: JSONValue], _ key: String, _ path: String, required: Bool = false,
                  allowEndOfDay: Bool = true) -> LocalDateTime? {
        guard let s = string(o, key, path, required: required) else { return nil }
        guard let t = LocalDateTime(parsing: s, allowEndOfDay: allowEndOfDay) else {
            sink.error("\(path).\(key)", "'\(s)' is not a local date and time: write YYYY-MM-DDTHH:MM (24-hour clock)")
            return nil
        }
        return t
    }

    func clock(_ o: [String: JSONValue], _ key: String, _ path: String, allowEndOfDay: Bool) -> Int? {
        guard let s = string(o, key, path, required: true) else { return nil }
        guard let m = parseClockTime(s, allowEndOfDay: allowEndOfDay) else {
            sink.error("\(path).\(key)", "'\(s)' is not a time: write HH:MM from 00:00 to \(allowEndOfDay ? "24:00" : "23:59")")
            return nil
        }
        return m
    }

    func weeklyWindows(_ o: [String: JSONValue], _ key: String, _ path: String) -> [WeeklyWindow]? {
        guard let items = list(o, key, path) else { return nil }
        var out: [WeeklyWindow] = []
        for (i, item) in items.enumerated() {
            let p = "\(path).\(key)[\(i)]"
            guard let w = object(item, p, known: ["days", "from", "to"]) else { continue }
            var days: [Weekday] = []
            for (j, name) in strings(w, "days", p).enumerated() {
                if let d = Weekday(name: name) { days.append(d) } else {
                    sink.error("\(p).days[\(j)]", "unknown weekday '\(name)': use mon, tue, wed, thu, fri, sat or sun")
                }
            }
            if present(w, "days") == nil { sink.error("\(p).days", "missing required field 'days'") }
            let from = clock(w, "from", p, allowEndOfDay: false)
            let to = clock(w, "to", p, allowEndOfDay: true)
            if let from, let to {
                if to == from {
                    sink.error(p, "the window starts and ends at \(formatClockTime(from)): give it a length (an overnight window ends the next morning, e.g. 22:00 to 06:00)")
                    continue
                }
                // A window whose end is not after its start runs past midnight into the next day.
                out.append(WeeklyWindow(days: days, from: from, to: to > from ? to : to + 1440))
            }
        }
        return out
    }

    // MARK: The document

    func read(_ root: JSONValue) -> Scenario? {
        guard let doc = object(root, "$", known: ["format", "name", "timeZone", "horizon", "slotMinutes", "travel",
                                                  "travelMatrix", "rules", "weights", "locations", "venues",
                                                  "workers", "cases", "sessions", "shiftTypes", "shifts",
                                                  "baseline", "freezeBefore", "description", "compliance"]) else { return nil }
        if let f = string(doc, "format", "$"), f != "rota-scenario/1" {
            sink.error("$.format", "format '\(f)' is not supported: this reads 'rota-scenario/1'")
        }
        var horizon = Horizon(start: LocalDate(year: 1970, month: 1, day: 1), days: 7)
        if let h = object(present(doc, "horizon"), "$.horizon", known: ["start", "days"]) {
            if let s = date(h, "start", "$.horizon", required: true) { horizon.start = s }
            if let d = int(h, "days", "$.horizon") {
                if d < 1 || d > 3660 { sink.error("$.horizon.days", "must be between 1 and 3660, found \(d)") } else { horizon.days = d }
            }
        } else {
            sink.error("$.horizon", "missing required field 'horizon' ({\"start\": \"YYYY-MM-DD\", \"days\": N})")
        }
        var sc = Scenario(horizon: horizon)
        sc.name = string(doc, "name", "$") ?? ""
        sc.timeZone = string(doc, "timeZone", "$") ?? "Europe/London"
        if let s = int(doc, "slotMinutes", "$") {
            if s < 1 || s > 1440 { sink.error("$.slotMinutes", "must be between 1 and 1440, found \(s)") } else { sc.slotMinutes = s }
        }
        if let t = object(present(doc, "travel"), "$.travel", known: ["speedKmh", "roadFactor"]) {
            if let v = double(t, "speedKmh", "$.travel") {
                if v <= 0 { sink.error("$.travel.speedKmh", "must be positive, found \(v)") } else { sc.travel.speedKmh = v }
            }
            if let v = double(t, "roadFactor", "$.travel") {
                if v <= 0 { sink.error("$.travel.roadFactor", "must be positive, found \(v)") } else { sc.travel.roadFactor = v }
            }
        }
        for (i, item) in (list(doc, "travelMatrix", "$") ?? []).enumerated() {
            let p = "$.travelMatrix[\(i)]"
            guard let e = object(item, p, known: ["from", "to", "minutes", "km"]) else { continue }
            let from = string(e, "from", p, required: true), to = string(e, "to", p, required: true)
            let minutes = int(e, "minutes", p, required: true), km = double(e, "km", p)
            if let m = minutes, m < 0 { sink.error("\(p).minutes", "travel minutes must not be negative, found \(m)") }
            if let k = km, k < 0 { sink.error("\(p).km", "distance must not be negative, found \(k)") }
            if let from, let to, let minutes { sc.travelMatrix.append(TravelEntry(from: from, to: to, minutes: minutes, km: km)) }
        }
        readRules(doc, &sc)
        readWeights(doc, &sc)
        for (i, item) in (list(doc, "locations", "$") ?? []).enumerated() {
            let p = "$.locations[\(i)]"
            guard let o = object(item, p, known: ["id", "name", "lat", "lon"]) else { continue }
            let id = string(o, "id", p, required: true)
            let lat = double(o, "lat", p, required: true), lon = double(o, "lon", p, required: true)
            if let lat, !(-90...90).contains(lat) { sink.error("\(p).lat", "latitude must be between -90 and 90, found \(lat)") }
            if let lon, !(-180...180).contains(lon) { sink.error("\(p).lon", "longitude must be between -180 and 180, found \(lon)") }
            if let id, let lat, let lon { sc.locations.append(Location(id: id, name: string(o, "name", p), lat: lat, lon: lon)) }
        }
        for (i, item) in (list(doc, "venues", "$") ?? []).enumerated() {
            let p = "$.venues[\(i)]"
            guard let o = object(item, p, known: ["id", "location", "name", "rooms", "open"]) else { continue }
            guard let id = string(o, "id", p, required: true), let loc = string(o, "location", p, required: true) else { continue }
            var v = Venue(id: id, location: loc)
            v.name = string(o, "name", p)
            if let r = int(o, "rooms", p) {
                if r < 1 { sink.error("\(p).rooms", "a venue needs at least 1 room, found \(r)") } else { v.rooms = r }
            }
            v.open = weeklyWindows(o, "open", p)
            sc.venues.append(v)
        }
        for (i, item) in (list(doc, "workers", "$") ?? []).enumerated() {
            if let w = readWorker(item, "$.workers[\(i)]") { sc.workers.append(w) }
        }
        for (i, item) in (list(doc, "cases", "$") ?? []).enumerated() {
            let p = "$.cases[\(i)]"
            guard let o = object(item, p, known: ["id", "name", "allocatedWorker", "excludedWorkers", "needsSkills"]),
                  let id = string(o, "id", p, required: true) else { continue }
            var c = Case(id: id)
            c.name = string(o, "name", p)
            c.allocatedWorker = string(o, "allocatedWorker", p)
            c.excludedWorkers = strings(o, "excludedWorkers", p)
            c.needsSkills = strings(o, "needsSkills", p)
            sc.cases.append(c)
        }
        for (i, item) in (list(doc, "sessions", "$") ?? []).enumerated() {
            if let s = readSession(item, "$.sessions[\(i)]") { sc.sessions.append(s) }
        }
        for (i, item) in (list(doc, "shiftTypes", "$") ?? []).enumerated() {
            let p = "$.shiftTypes[\(i)]"
            guard let o = object(item, p, known: ["id", "name", "start", "durationMinutes", "countedMinutes", "standby",
                                                  "location", "cannotFollow", "fairness"]),
                  let id = string(o, "id", p, required: true),
                  let start = clock(o, "start", p, allowEndOfDay: false),
                  let dur = int(o, "durationMinutes", p, required: true) else { continue }
            if dur <= 0 { sink.error("\(p).durationMinutes", "a shift must last at least 1 minute, found \(dur)") }
            var t = ShiftType(id: id, start: start, durationMinutes: dur)
            t.name = string(o, "name", p)
            if let c = int(o, "countedMinutes", p) {
                if c < 0 { sink.error("\(p).countedMinutes", "must not be negative, found \(c)") }
                t.countedMinutes = c
            }
            t.standby = bool(o, "standby", p) ?? true
            t.location = string(o, "location", p)
            t.cannotFollow = strings(o, "cannotFollow", p)
            t.fairness = bool(o, "fairness", p) ?? true
            sc.shiftTypes.append(t)
        }
        for (i, item) in (list(doc, "shifts", "$") ?? []).enumerated() {
            let p = "$.shifts[\(i)]"
            guard let o = object(item, p, known: ["id", "type", "date", "required", "min", "max", "requiredSkills",
                                                  "underWeight", "overWeight", "pinnedWorkers", "name"]),
                  let id = string(o, "id", p, required: true), let type = string(o, "type", p, required: true),
                  let d = date(o, "date", p, required: true) else { continue }
            var s = Shift(id: id, type: type, date: d)
            s.required = int(o, "required", p) ?? 1
            s.min = int(o, "min", p) ?? 1
            s.max = int(o, "max", p) ?? max(1, s.required)
            s.requiredSkills = strings(o, "requiredSkills", p)
            s.underWeight = int(o, "underWeight", p) ?? 1000
            s.overWeight = int(o, "overWeight", p) ?? 0
            s.pinnedWorkers = strings(o, "pinnedWorkers", p)
            for (key, v) in [("required", s.required), ("min", s.min), ("max", s.max), ("underWeight", s.underWeight), ("overWeight", s.overWeight)] where v < 0 {
                sink.error("\(p).\(key)", "must not be negative, found \(v)")
            }
            if s.min > s.max { sink.error(p, "min (\(s.min)) is greater than max (\(s.max)): no number of workers can satisfy both") }
            sc.shifts.append(s)
        }
        if let b = present(doc, "baseline") {
            if case .object = b {
                do {
                    let data = try JSONEncoder().encode(b)
                    sc.baseline = try JSONDecoder().decode(SolutionDocument.self, from: data)
                } catch let e as DecodingError {
                    let d = DocumentLoader.diagnostic(for: e)
                    sink.error("$.baseline" + d.path.dropFirst(), d.message)
                } catch {
                    sink.error("$.baseline", "cannot read the baseline: \(error)")
                }
            } else {
                sink.error("$.baseline", "expected a rota-solution/1 object (or null), found \(b.kindName)")
            }
        }
        sc.freezeBefore = dateTime(doc, "freezeBefore", "$")
        if let c = object(present(doc, "compliance"), "$.compliance", known: ["restBreakMinutes", "restBreakAfterMinutes",
                                                                               "averageWeeklyMaxMinutes", "referenceWeeks"]) {
            var comp = Compliance()
            func positive(_ key: String) -> Int? {
                guard let v = int(c, key, "$.compliance") else { return nil }
                if v < 1 { sink.error("$.compliance.\(key)", "must be at least 1, found \(v)"); return nil }
                return v
            }
            comp.restBreakMinutes = positive("restBreakMinutes")
            comp.restBreakAfterMinutes = positive("restBreakAfterMinutes") ?? 360
            comp.averageWeeklyMaxMinutes = positive("averageWeeklyMaxMinutes")
            comp.referenceWeeks = positive("referenceWeeks") ?? 17
            sc.compliance = comp
        }
        return sc
    }

    func readRules(_ doc: [String: JSONValue], _ sc: inout Scenario) {
        guard let r = object(present(doc, "rules"), "$.rules", known: ["maxWeeklyMinutes", "minRestMinutes", "maxConsecutiveDays",
                                                                       "minConsecutiveDays", "minConsecutiveDaysOff", "maxShiftsPerDay"]) else { return }
        func set(_ key: String, _ kp: WritableKeyPath<Rules, Int>) {
            guard let v = int(r, key, "$.rules") else { return }
            if v < 0 { sink.error("$.rules.\(key)", "must not be negative, found \(v)") } else { sc.rules[keyPath: kp] = v }
        }
        set("maxWeeklyMinutes", \.maxWeeklyMinutes); set("minRestMinutes", \.minRestMinutes)
        set("maxConsecutiveDays", \.maxConsecutiveDays); set("minConsecutiveDays", \.minConsecutiveDays)
        set("minConsecutiveDaysOff", \.minConsecutiveDaysOff); set("maxShiftsPerDay", \.maxShiftsPerDay)
        if sc.rules.minConsecutiveDays > sc.rules.maxConsecutiveDays {
            sink.error("$.rules", "minConsecutiveDays (\(sc.rules.minConsecutiveDays)) is greater than maxConsecutiveDays (\(sc.rules.maxConsecutiveDays))")
        }
    }

    func readWeights(_ doc: [String: JSONValue], _ sc: inout Scenario) {
        guard let w = object(present(doc, "weights"), "$.weights", known: ["unassignedSession", "unassignedMandatory", "continuity",
                                                                           "preference", "travelMinute", "overtimeMinute", "fairness", "change"]) else { return }
        func set(_ key: String, _ kp: WritableKeyPath<Weights, Int>) {
            guard let v = int(w, key, "$.weights") else { return }
            if v < 0 { sink.error("$.weights.\(key)", "weights must not be negative, found \(v)") } else { sc.weights[keyPath: kp] = v }
        }
        set("unassignedSession", \.unassignedSession); set("unassignedMandatory", \.unassignedMandatory)
        set("continuity", \.continuity); set("preference", \.preference); set("travelMinute", \.travelMinute)
        set("overtimeMinute", \.overtimeMinute); set("fairness", \.fairness); set("change", \.change)
    }

    func readWorker(_ item: JSONValue, _ p: String) -> Worker? {
        guard let o = object(item, p, known: ["id", "name", "skills", "base", "contractMinutes", "maxMinutes", "minMinutes",
                                              "minTotalMinutes", "maxTotalMinutes", "availability", "unavailable", "caseloadCap",
                                              "caseloadOther", "maxShifts", "maxWeekends", "maxConsecutiveDays",
                                              "minConsecutiveDays", "minConsecutiveDaysOff", "history", "requests",
                                              "costPerHour", "agency"]),
              let id = string(o, "id", p, required: true), let base = string(o, "base", p, required: true) else { return nil }
        var w = Worker(id: id, base: base)
        w.name = string(o, "name", p)
        w.skills = strings(o, "skills", p)
        func nonNegative(_ key: String) -> Int? {
            guard let v = int(o, key, p) else { return nil }
            if v < 0 { sink.error("\(p).\(key)", "must not be negative, found \(v)"); return nil }
            return v
        }
        w.contractMinutes = nonNegative("contractMinutes")
        w.maxMinutes = nonNegative("maxMinutes")
        w.minMinutes = nonNegative("minMinutes") ?? 0
        w.minTotalMinutes = nonNegative("minTotalMinutes") ?? 0
        w.maxTotalMinutes = nonNegative("maxTotalMinutes")
        if let mx = w.maxMinutes, w.minMinutes > mx { sink.error(p, "minMinutes (\(w.minMinutes)) is greater than maxMinutes (\(mx))") }
        if let mx = w.maxTotalMinutes, w.minTotalMinutes > mx { sink.error(p, "minTotalMinutes (\(w.minTotalMinutes)) is greater than maxTotalMinutes (\(mx))") }
        w.availability = weeklyWindows(o, "availability", p)
        for (i, item) in (list(o, "unavailable", p) ?? []).enumerated() {
            let q = "\(p).unavailable[\(i)]"
            guard let u = object(item, q, known: ["from", "to", "reason"]),
                  let from = dateTime(u, "from", q, required: true), let to = dateTime(u, "to", q, required: true) else { continue }
            if to <= from { sink.error(q, "the period ends (\(to)) before or when it starts (\(from))"); continue }
            w.unavailable.append(Period(from: from, to: to, reason: string(u, "reason", q)))
        }
        w.caseloadCap = nonNegative("caseloadCap")
        w.caseloadOther = nonNegative("caseloadOther") ?? 0
        if let ms = object(present(o, "maxShifts"), "\(p).maxShifts") {
            for k in ms.keys.sorted() {
                if let v = int(ms, k, "\(p).maxShifts") {
                    if v < 0 { sink.error("\(p).maxShifts.\(k)", "must not be negative, found \(v)") } else { w.maxShifts[k] = v }
                }
            }
        }
        w.maxWeekends = nonNegative("maxWeekends")
        w.maxConsecutiveDays = nonNegative("maxConsecutiveDays")
        w.minConsecutiveDays = nonNegative("minConsecutiveDays")
        w.minConsecutiveDaysOff = nonNegative("minConsecutiveDaysOff")
        if let h = object(present(o, "history"), "\(p).history", known: ["weekendsWorked", "shiftCounts", "pastWeekMinutes"]) {
            w.history.weekendsWorked = int(h, "weekendsWorked", "\(p).history") ?? 0
            for (i, item) in (list(h, "pastWeekMinutes", "\(p).history") ?? []).enumerated() {
                switch item {
                case .int(let m) where m >= 0: w.history.pastWeekMinutes.append(m)
                case .double(let d) where d >= 0 && d == d.rounded(): w.history.pastWeekMinutes.append(Int(d))
                default: sink.error("\(p).history.pastWeekMinutes[\(i)]", "expected whole minutes ≥ 0, found \(item.kindName)")
                }
            }
            if let sc = object(present(h, "shiftCounts"), "\(p).history.shiftCounts") {
                for k in sc.keys.sorted() { if let v = int(sc, k, "\(p).history.shiftCounts") { w.history.shiftCounts[k] = v } }
            }
        }
        for (i, item) in (list(o, "requests", p) ?? []).enumerated() {
            let q = "\(p).requests[\(i)]"
            guard let r = object(item, q, known: ["date", "shiftType", "on", "weight"]),
                  let d = date(r, "date", q, required: true) else { continue }
            let weight = int(r, "weight", q) ?? 3
            if weight < 0 { sink.error("\(q).weight", "must not be negative, found \(weight)") }
            w.requests.append(ShiftRequest(date: d, shiftType: string(r, "shiftType", q), on: bool(r, "on", q) ?? false, weight: weight))
        }
        return w
    }

    func readSession(_ item: JSONValue, _ p: String) -> Session? {
        guard let o = object(item, p, known: ["id", "case", "durationMinutes", "windows", "venues", "workersNeeded",
                                              "requiredSkills", "transport", "reportMinutes", "mandatory", "priority",
                                              "preferredWorkers", "pinned", "name"]),
              let id = string(o, "id", p, required: true), let caseID = string(o, "case", p, required: true),
              let dur = int(o, "durationMinutes", p, required: true) else { return nil }
        if dur <= 0 { sink.error("\(p).durationMinutes", "a session must last at least 1 minute, found \(dur)") }
        var windows: [TimeWindow] = []
        let items = list(o, "windows", p, required: true) ?? []
        if items.isEmpty && present(o, "windows") != nil { sink.error("\(p).windows", "a session needs at least one window") }
        for (i, w) in items.enumerated() {
            let q = "\(p).windows[\(i)]"
            guard let wo = object(w, q, known: ["from", "to"]),
                  let from = dateTime(wo, "from", q, required: true), let to = dateTime(wo, "to", q, required: true) else { continue }
            windows.append(TimeWindow(from: from, to: to))
        }
        var s = Session(id: id, case: caseID, durationMinutes: dur, windows: windows)
        s.venues = strings(o, "venues", p)
        s.workersNeeded = int(o, "workersNeeded", p) ?? 1
        if s.workersNeeded < 1 { sink.error("\(p).workersNeeded", "a session needs at least 1 worker, found \(s.workersNeeded)") }
        s.requiredSkills = strings(o, "requiredSkills", p)
        if let t = object(present(o, "transport"), "\(p).transport", known: ["from"]) {
            s.transportFrom = string(t, "from", "\(p).transport", required: true)
        }
        s.reportMinutes = int(o, "reportMinutes", p) ?? 0
        if s.reportMinutes < 0 { sink.error("\(p).reportMinutes", "must not be negative, found \(s.reportMinutes)") }
        s.mandatory = bool(o, "mandatory", p) ?? false
        s.priority = int(o, "priority", p) ?? 1
        if s.priority < 0 { sink.error("\(p).priority", "must not be negative, found \(s.priority)") }
        s.preferredWorkers = strings(o, "preferredWorkers", p)
        if let pin = object(present(o, "pinned"), "\(p).pinned", known: ["workers", "start", "venue"]) {
            let workers = strings(pin, "workers", "\(p).pinned")
            if workers.isEmpty { sink.error("\(p).pinned.workers", "a pin names at least one worker") }
            if let start = dateTime(pin, "start", "\(p).pinned", required: true, allowEndOfDay: false) {
                s.pinned = Pin(workers: workers, start: start, venue: string(pin, "venue", "\(p).pinned"))
            }
        }
        return s
    }
}
