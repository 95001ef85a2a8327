import Foundation
import RotaChecker
import RotaModel

/// `rota whatif`: apply small hand-written patches to a scenario, solve the baseline and each
/// variant with the same settings, and compare them side by side. Every figure is the checker's
/// for that variant's own scenario.
public enum WhatIf {
    /// One change file: a name and a patch of one or more keys.
    public struct Change: Sendable {
        public var name: String
        public var file: String
        public var patch: [String: JSONValue]
        public init(name: String, file: String, patch: [String: JSONValue]) { self.name = name; self.file = file; self.patch = patch }
    }

    public static let keys: Set<String> = ["name", "description", "workerOff", "addWorker", "caseloadCap", "addSessions",
                                           "removeSessions", "closeVenue"]

    /// Reads a change file (JSON or YAML).
    public static func loadChange(path: String) throws -> Change {
        let v = try DocumentLoader.load(path: path)
        return try change(v, file: path)
    }

    public static func change(_ v: JSONValue, file: String) throws -> Change {
        guard case .object(let o) = v else {
            throw InputError(file: file, diagnostics: [Diagnostic("$", "a change is an object such as {\"name\": \"Sam off sick\", \"workerOff\": {\"worker\": \"w-sam\", \"from\": \"2026-11-25\"}}, found \(v.kindName)")])
        }
        var diags: [Diagnostic] = []
        for k in o.keys.sorted() where !keys.contains(k) {
            diags.append(Diagnostic("$.\(k)", "unknown change '\(k)': use \(keys.subtracting(["name", "description"]).sorted().joined(separator: ", "))"))
        }
        if o.keys.filter({ $0 != "name" && $0 != "description" }).isEmpty {
            diags.append(Diagnostic("$", "the change names nothing to change"))
        }
        var name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        if let n = o["name"] {
            if case .string(let s) = n { name = s } else { diags.append(Diagnostic("$.name", "expected a string, found \(n.kindName)")) }
        }
        if !diags.isEmpty { throw InputError(file: file, diagnostics: diags) }
        return Change(name: name, file: file, patch: o)
    }

    // MARK: Applying a change

    /// Applies a change to a scenario tree. Errors name the change file and the path in it.
    public static func apply(_ change: Change, to scenario: JSONValue) throws -> JSONValue {
        guard case .object(var doc) = scenario else {
            throw InputError(file: change.file, diagnostics: [Diagnostic("$", "the scenario is not an object")])
        }
        var diags: [Diagnostic] = []
        func err(_ p: String, _ m: String) { diags.append(Diagnostic(p, m)) }
        var workers = arrayOf(doc["workers"]), sessions = arrayOf(doc["sessions"]), shifts = arrayOf(doc["shifts"])
        let workerIDs = Set(workers.compactMap { str($0["id"]) })
        let horizonStart = str(doc["horizon"]?["start"]).flatMap(LocalDate.init(parsing:))
        let horizonDays = int(doc["horizon"]?["days"]) ?? 7
        let horizonEnd = horizonStart.map { LocalDateTime(date: $0.adding(days: horizonDays + 1), minuteOfDay: 0) }

        func instant(_ v: JSONValue?, _ p: String, end: Bool) -> LocalDateTime? {
            guard let s = str(v) else { err(p, "expected a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM"); return nil }
            if let t = LocalDateTime(parsing: s) { return t }
            if let d = LocalDate(parsing: s) { return LocalDateTime(date: end ? d.adding(days: 1) : d, minuteOfDay: 0) }
            err(p, "'\(s)' is not a date (YYYY-MM-DD) or a local time (YYYY-MM-DDTHH:MM)"); return nil
        }

        for key in change.patch.keys.sorted() {
            let value = change.patch[key]!
            switch key {
            case "workerOff":
                for (i, item) in listOrOne(value).enumerated() {
                    let p = value.isArray ? "$.workerOff[\(i)]" : "$.workerOff"
                    guard let w = str(item["worker"]) else { err("\(p).worker", "name the worker's id"); continue }
                    guard let k = workers.firstIndex(where: { str($0["id"]) == w }) else { err("\(p).worker", "unknown worker '\(w)' in the scenario"); continue }
                    guard let from = instant(item["from"], "\(p).from", end: false) else { continue }
                    let to = item["to"] == nil ? horizonEnd : instant(item["to"], "\(p).to", end: true)
                    guard let to else { continue }
                    if to <= from { err(p, "'to' is not after 'from'"); continue }
                    let reason = str(item["reason"]) ?? change.name
                    var wo = objectOf(workers[k])
                    var un = arrayOf(wo["unavailable"])
                    un.append(.object(["from": .string(from.description), "to": .string(to.description), "reason": .string(reason)]))
                    wo["unavailable"] = .array(un)
                    workers[k] = .object(wo)
                    // Pins that would keep the worker on work inside the period no longer hold.
                    sessions = sessions.map { s in
                        guard case .object(var so) = s, let pin = so["pinned"], case .object = pin,
                              arrayOf(pin["workers"]).contains(.string(w)),
                              let st = str(pin["start"]).flatMap({ LocalDateTime(parsing: $0) }), st >= from, st < to else { return s }
                        so["pinned"] = .null
                        return .object(so)
                    }
                    shifts = shifts.map { h in
                        guard case .object(var ho) = h, let d = str(ho["date"]).flatMap(LocalDate.init(parsing:)) else { return h }
                        let day = LocalDateTime(date: d, minuteOfDay: 0)
                        guard day >= LocalDateTime(date: from.date, minuteOfDay: 0), day < to else { return h }
                        let pinned = arrayOf(ho["pinnedWorkers"])
                        if pinned.contains(.string(w)) { ho["pinnedWorkers"] = .array(pinned.filter { $0 != .string(w) }) }
                        return .object(ho)
                    }
                }
            case "addWorker":
                for (i, item) in listOrOne(value).enumerated() {
                    let p = value.isArray ? "$.addWorker[\(i)]" : "$.addWorker"
                    guard case .object = item else { err(p, "expected a worker object as in the scenario"); continue }
                    if let id = str(item["id"]), workerIDs.contains(id) { err("\(p).id", "worker '\(id)' is already in the scenario") ; continue }
                    workers.append(item)
                }
            case "caseloadCap":
                for (i, item) in listOrOne(value).enumerated() {
                    let p = value.isArray ? "$.caseloadCap[\(i)]" : "$.caseloadCap"
                    guard let cap = int(item["cap"]), cap >= 0 else { err("\(p).cap", "expected a whole number ≥ 0"); continue }
                    let target = str(item["worker"])
                    if item["all"] == .bool(true) || target == nil || target == "*" {
                        workers = workers.map { var o = objectOf($0); o["caseloadCap"] = .int(cap); return .object(o) }
                    } else if let k = workers.firstIndex(where: { str($0["id"]) == target }) {
                        var o = objectOf(workers[k]); o["caseloadCap"] = .int(cap); workers[k] = .object(o)
                    } else {
                        err("\(p).worker", "unknown worker '\(target!)' in the scenario")
                    }
                }
            case "addSessions":
                guard case .array(let items) = value else { err("$.addSessions", "expected a list of session objects"); continue }
                for (i, item) in items.enumerated() {
                    guard case .object = item else { err("$.addSessions[\(i)]", "expected a session object as in the scenario"); continue }
                    if let id = str(item["id"]), sessions.contains(where: { str($0["id"]) == id }) {
                        err("$.addSessions[\(i)].id", "session '\(id)' is already in the scenario"); continue
                    }
                    sessions.append(item)
                }
            case "removeSessions":
                guard case .array(let items) = value else { err("$.removeSessions", "expected a list of session ids"); continue }
                var remove = Set<String>()
                for (i, item) in items.enumerated() {
                    guard let id = str(item) else { err("$.removeSessions[\(i)]", "expected a session id"); continue }
                    if !sessions.contains(where: { str($0["id"]) == id }) { err("$.removeSessions[\(i)]", "unknown session '\(id)' in the scenario"); continue }
                    remove.insert(id)
                }
                sessions.removeAll { remove.contains(str($0["id"]) ?? "") }
                if case .object(var b) = doc["baseline"] ?? .null {
                    b["sessions"] = .array(arrayOf(b["sessions"]).filter { !remove.contains(str($0["id"]) ?? "") })
                    doc["baseline"] = .object(b)
                }
            case "closeVenue":
                for (i, item) in listOrOne(value).enumerated() {
                    let p = value.isArray ? "$.closeVenue[\(i)]" : "$.closeVenue"
                    guard let v = str(item["venue"]) else { err("\(p).venue", "name the venue's id"); continue }
                    guard arrayOf(doc["venues"]).contains(where: { str($0["id"]) == v }) else { err("\(p).venue", "unknown venue '\(v)' in the scenario"); continue }
                    guard let from = instant(item["from"], "\(p).from", end: false) else { continue }
                    let to = item["to"] == nil ? horizonEnd : instant(item["to"], "\(p).to", end: true)
                    guard let to else { continue }
                    if to <= from { err(p, "'to' is not after 'from'"); continue }
                    sessions = sessions.map { closeVenue(v, from, to, in: $0) }
                }
            default: break
            }
        }
        if !diags.isEmpty { throw InputError(file: change.file, diagnostics: diags) }
        doc["workers"] = .array(workers)
        doc["sessions"] = .array(sessions)
        if doc["shifts"] != nil || !shifts.isEmpty { doc["shifts"] = .array(shifts) }
        return .object(doc)
    }

    /// A session that uses venue `v` cannot use it during [from, to). When `v` is its only venue,
    /// the closed time is cut out of its windows (a session left with no window that fits stays
    /// in the scenario but needs the skill `venue-closed:<v>` that no one has, so it is counted
    /// unassigned). When it has other venues and a window overlaps the closure, `v` is taken off
    /// its list (conservatively: it may still go elsewhere).
    static func closeVenue(_ v: String, _ from: LocalDateTime, _ to: LocalDateTime, in s: JSONValue) -> JSONValue {
        guard case .object(var o) = s else { return s }
        let venues = arrayOf(o["venues"]).compactMap(str)
        guard venues.contains(v) else { return s }
        let duration = int(o["durationMinutes"]) ?? 0
        let windows: [(LocalDateTime, LocalDateTime)] = arrayOf(o["windows"]).compactMap { w in
            guard let a = str(w["from"]).flatMap({ LocalDateTime(parsing: $0) }), let b = str(w["to"]).flatMap({ LocalDateTime(parsing: $0) }) else { return nil }
            return (a, b)
        }
        let overlaps = windows.contains { $0.0 < to && from < $0.1 }
        guard overlaps else { return s }
        if let pin = o["pinned"], case .object = pin, str(pin["venue"]) == v { o["pinned"] = .null }
        if venues.count > 1 {
            o["venues"] = .array(venues.filter { $0 != v }.map { .string($0) })
            return .object(o)
        }
        var pieces: [(LocalDateTime, LocalDateTime)] = []
        for (a, b) in windows {
            if !(a < to && from < b) { pieces.append((a, b)); continue }
            if a < from { pieces.append((a, from)) }
            if to < b { pieces.append((to, b)) }
        }
        pieces = pieces.filter { $0.1.naiveMinutes - $0.0.naiveMinutes >= duration }
        if pieces.isEmpty {
            var skills = arrayOf(o["requiredSkills"])
            skills.append(.string("venue-closed:\(v)"))
            o["requiredSkills"] = .array(skills)
        } else {
            o["windows"] = .array(pieces.map { .object(["from": .string($0.0.description), "to": .string($0.1.description)]) })
        }
        return .object(o)
    }

    // MARK: Figures

    /// The figures compared side by side; all from the checker's evaluation of the variant.
    public struct Figures: Codable, Sendable, Equatable {
        public var name: String
        public var status: String
        public var solver: String
        public var valid: Bool
        public var sessions: Int
        public var sessionsCovered: Int
        public var mandatory: Int
        public var mandatoryCovered: Int
        public var unassigned: Int
        /// Worker places on standby (on-call) shifts: filled (capped at `required` per shift) and required.
        public var onCallCovered: Int
        public var onCallRequired: Int
        /// Worker places on shifts dated on a Saturday or Sunday.
        public var weekendCovered: Int
        public var weekendRequired: Int
        public var overtimeMinutes: Int
        public var travelMinutes: Int
        public var travelKm: Double
        /// The objective's fairness term.
        public var fairness: Int
        /// Working minutes of agency workers (a `costPerHour` or `"agency": true`) and their cost.
        public var agencyMinutes: Int
        public var agencyCost: Double
        public var objective: Int?
        public var terms: Terms?
    }

    /// The figures of a rota of `instance`; `tree` is the scenario document (for `costPerHour`).
    public static func figures(name: String, document: SolutionDocument, report: CheckReport?, instance inst: Instance,
                               tree: JSONValue) -> Figures {
        let mandatory = inst.sessions.filter(\.mandatory).count
        var f = Figures(name: name, status: document.status, solver: document.solver, valid: report?.isFeasible ?? false,
                        sessions: inst.sessions.count, sessionsCovered: 0, mandatory: mandatory, mandatoryCovered: 0,
                        unassigned: inst.sessions.count, onCallCovered: 0, onCallRequired: 0, weekendCovered: 0,
                        weekendRequired: 0, overtimeMinutes: 0, travelMinutes: 0, travelKm: 0, fairness: 0,
                        agencyMinutes: 0, agencyCost: 0, objective: nil, terms: nil)
        for h in inst.shifts {
            if inst.shiftTypes[h.type].standby { f.onCallRequired += h.required }
            if inst.weekend(ofDay: h.day) != nil { f.weekendRequired += h.required }
        }
        guard let report else { return f }
        let e = report.evaluation
        let a = e.assignment
        f.sessionsCovered = a.sessions.compactMap { $0 }.count
        f.mandatoryCovered = inst.sessions.indices.filter { inst.sessions[$0].mandatory && a.sessions[$0] != nil }.count
        f.unassigned = f.sessions - f.sessionsCovered
        for (k, h) in inst.shifts.enumerated() {
            let filled = min(a.shiftWorkers[k].count, h.required)
            if inst.shiftTypes[h.type].standby { f.onCallCovered += filled }
            if inst.weekend(ofDay: h.day) != nil { f.weekendCovered += filled }
        }
        let summaries = e.workerSummaries()
        f.overtimeMinutes = summaries.reduce(0) { $0 + $1.overtimeMinutes }
        f.travelMinutes = e.routeMinutes.reduce(0) { $0 + $1.reduce(0, +) }
        f.travelKm = (e.routeKm.reduce(0) { $0 + $1.reduce(0, +) } * 10).rounded() / 10
        f.fairness = report.objective.terms.fairness
        let rates = agencyRates(tree)
        var cost = 0.0
        for (w, worker) in inst.workers.enumerated() {
            guard let rate = rates[worker.id] else { continue }
            let minutes = e.weekMinutes[w].reduce(0, +)
            f.agencyMinutes += minutes
            cost += Double(minutes) * rate / 60
        }
        f.agencyCost = (cost * 100).rounded() / 100
        f.objective = report.objective.total
        f.terms = report.objective.terms
        return f
    }

    /// Workers paid by the hour: id → costPerHour (0 for `"agency": true` with no rate).
    public static func agencyRates(_ tree: JSONValue) -> [String: Double] {
        var out: [String: Double] = [:]
        for w in arrayOf(tree["workers"]) {
            guard let id = str(w["id"]) else { continue }
            switch w["costPerHour"] {
            case .int(let i)?: out[id] = Double(i)
            case .double(let d)?: out[id] = d
            default: if w["agency"] == .bool(true) { out[id] = 0 }
            }
        }
        return out
    }

    // MARK: Running

    public struct Variant: Sendable {
        public var name: String
        public var file: String?
        public var tree: JSONValue
        public var instance: Instance
        public var outcome: SolveOutcome
        public var figures: Figures
    }

    /// Solves the scenario and each variant with the same settings.
    public static func run(scenario tree: JSONValue, file: String, changes: [Change], choice: SolverChoice,
                           options: SolveOptions, runner: SolveRunner = SolveRunner()) throws -> [Variant] {
        var inputs: [(String, String?, JSONValue, Instance)] = [("baseline", nil, tree, try Instance.compile(tree, file: file))]
        for c in changes {
            let patched = try apply(c, to: tree)
            let inst: Instance
            do { inst = try Instance.compile(patched, file: "\(c.file) applied to \(file)") }
            catch let e as InputError { throw InputError(file: "\(c.file) (applied to \(file); paths are in the changed scenario)", diagnostics: e.diagnostics) }
            inputs.append((c.name, c.file, patched, inst))
        }
        return inputs.map { name, f, t, inst in
            let outcome = runner.solve(inst, choice: choice, options: options)
            return Variant(name: name, file: f, tree: t, instance: inst, outcome: outcome,
                           figures: figures(name: name, document: outcome.document, report: outcome.report, instance: inst, tree: t))
        }
    }

    /// The side-by-side table (plain text).
    public static func render(_ variants: [Variant]) -> String {
        let figs = variants.map(\.figures)
        guard let base = figs.first else { return "" }
        func delta(_ v: Int, _ b: Int) -> String { v == b ? "" : " (\(v > b ? "+" : "")\(v - b))" }
        func deltaD(_ v: Double, _ b: Double) -> String { abs(v - b) < 0.005 ? "" : String(format: " (%+.1f)", v - b) }
        var rows: [(String, (Figures) -> String)] = [
            ("status", { "\($0.status)\($0.valid ? "" : " (no valid rota)")" }),
            ("sessions covered", { "\($0.sessionsCovered)/\($0.sessions)" + delta($0.sessionsCovered, base.sessionsCovered) }),
            ("mandatory covered", { "\($0.mandatoryCovered)/\($0.mandatory)" + delta($0.mandatoryCovered, base.mandatoryCovered) }),
            ("unassigned", { "\($0.unassigned)" + delta($0.unassigned, base.unassigned) }),
        ]
        if base.onCallRequired > 0 || figs.contains(where: { $0.onCallRequired > 0 }) {
            rows.append(("on-call cover", { "\($0.onCallCovered)/\($0.onCallRequired)" + delta($0.onCallCovered, base.onCallCovered) }))
        }
        if base.weekendRequired > 0 || figs.contains(where: { $0.weekendRequired > 0 }) {
            rows.append(("weekend cover", { "\($0.weekendCovered)/\($0.weekendRequired)" + delta($0.weekendCovered, base.weekendCovered) }))
        }
        rows += [
            ("overtime min", { "\($0.overtimeMinutes)" + delta($0.overtimeMinutes, base.overtimeMinutes) }),
            ("travel min", { "\($0.travelMinutes)" + delta($0.travelMinutes, base.travelMinutes) }),
            ("travel km", { String(format: "%.1f", $0.travelKm) + deltaD($0.travelKm, base.travelKm) }),
            ("fairness term", { "\($0.fairness)" + delta($0.fairness, base.fairness) }),
            ("agency min", { "\($0.agencyMinutes)" + delta($0.agencyMinutes, base.agencyMinutes) }),
            ("agency cost", { String(format: "%.2f", $0.agencyCost) + deltaD($0.agencyCost, base.agencyCost) }),
            ("objective", { f in f.objective.map { "\($0)" + delta($0, base.objective ?? $0) } ?? "-" }),
        ]
        let header = ["", ] + figs.map(\.name)
        let body = rows.map { label, fn in [label] + figs.map(fn) }
        let widths = header.indices.map { i in max(header[i].count, body.map { $0[i].count }.max() ?? 0) }
        func line(_ r: [String]) -> String {
            r.indices.map { i in i == 0 ? WorkflowSupport.pad(r[i], widths[i]) : WorkflowSupport.padLeft(r[i], widths[i]) }.joined(separator: "  ")
        }
        var out = [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += body.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    public struct Report: Codable, Sendable {
        public var scenario: String
        public var solver: String
        public var timeLimit: Double
        public var variants: [Figures]
        public init(scenario: String, solver: String, timeLimit: Double, variants: [Figures]) {
            self.scenario = scenario; self.solver = solver; self.timeLimit = timeLimit; self.variants = variants
        }
    }

    // MARK: JSON tree helpers

    static func str(_ v: JSONValue?) -> String? { if case .string(let s)? = v { return s }; return nil }
    static func int(_ v: JSONValue?) -> Int? {
        switch v {
        case .int(let i)?: return i
        case .double(let d)? where d == d.rounded(): return Int(d)
        default: return nil
        }
    }
    static func arrayOf(_ v: JSONValue?) -> [JSONValue] { if case .array(let a)? = v { return a }; return [] }
    static func objectOf(_ v: JSONValue?) -> [String: JSONValue] { if case .object(let o)? = v { return o }; return [:] }
    static func listOrOne(_ v: JSONValue) -> [JSONValue] { if case .array(let a) = v { return a }; return [v] }
}

extension JSONValue {
    var isArray: Bool { if case .array = self { return true }; return false }
}
