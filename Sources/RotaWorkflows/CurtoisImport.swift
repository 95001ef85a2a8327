import Foundation
import RotaModel

/// Converts an instance of the Shift Scheduling Benchmark of Curtois and Qu (schedulingbenchmarks.org,
/// the `InstanceN.txt` text format) into a `rota-scenario/1` document whose rota objective is exactly
/// the benchmark's objective (request penalties + cover penalties).
///
/// The mapping (see /work/shared/bench/curtois-qu/README.md and the model spec):
/// - The horizon starts on Monday 2024-01-01 (every instance starts on a Monday; day d is
///   2024-01-01 + d). The time zone is `UTC`, not Europe/London: the benchmark has no clock, and
///   in UTC every day lasts exactly 24 h, so a long horizon (instances 13-24 run up to 364 days)
///   never meets a 23- or 25-hour day at a clock change.
/// - Staff → `workers` (same ids, file order), each with `base` "ward", the one location; shift
///   types → `shiftTypes` (same ids, file order) with `start` 00:00, `durationMinutes` =
///   `countedMinutes` = the length, `standby` false, `location` null (the worker's base, so travel
///   is always 0), `fairness` false, `cannotFollow` from the third field. Starting at 00:00 keeps
///   a shift of at most 1440 minutes inside its own day, so it never overlaps the next day's shift
///   or the next day's day off (lengths over 1440 are rejected).
/// - Cover rows → one shift per (day, type), id `<type>-d<ddd>` (for example `D-d003`), with
///   `required`, `underWeight`, `overWeight`, `min` 0 and `max` = the number of staff. A (day, type)
///   with no cover row still gets a shift, with `required` 0 and both weights 0, so the type can
///   be worked that day at no cover cost, as in the benchmark.
/// - Days off → `unavailable` periods covering the whole day; shift on/off requests → `requests`
///   (`on` true/false) with the shift type, date and weight.
/// - Staff limits → `maxShifts` per type (0 forbids the type), `maxTotalMinutes`,
///   `minTotalMinutes`, `maxConsecutiveDays`, `minConsecutiveDays`, `minConsecutiveDaysOff`,
///   `maxWeekends` on each worker.
/// - `rules`: `maxShiftsPerDay` 1, `minRestMinutes` 0, `maxWeeklyMinutes` 7 × 1440 (no weekly
///   cap: one shift a day of at most 1440 minutes never reaches it); the run rules take their
///   values from each worker.
/// - No venues, cases or sessions; no `contractMinutes` (no overtime), no baseline, travel 0 and
///   `fairness` false on every type, so every objective term but `requests` and `cover` is 0.
public enum CurtoisImport {
    /// The date of day 0 (a Monday).
    public static let startDate = LocalDate(year: 2024, month: 1, day: 1)
    /// The single location, used as every worker's base.
    public static let locationID = "ward"

    public struct ShiftTypeRecord: Sendable, Equatable {
        public var id: String
        public var minutes: Int
        public var cannotFollow: [String]
        var line: Int
    }

    public struct StaffRecord: Sendable, Equatable {
        public var id: String
        /// Per shift type id, in file order.
        public var maxShifts: [(String, Int)]
        public var maxTotalMinutes: Int
        public var minTotalMinutes: Int
        public var maxConsecutiveShifts: Int
        public var minConsecutiveShifts: Int
        public var minConsecutiveDaysOff: Int
        public var maxWeekends: Int
        var line: Int

        public static func == (a: StaffRecord, b: StaffRecord) -> Bool {
            a.id == b.id && a.maxShifts.map(\.0) == b.maxShifts.map(\.0) && a.maxShifts.map(\.1) == b.maxShifts.map(\.1)
                && a.maxTotalMinutes == b.maxTotalMinutes && a.minTotalMinutes == b.minTotalMinutes
                && a.maxConsecutiveShifts == b.maxConsecutiveShifts && a.minConsecutiveShifts == b.minConsecutiveShifts
                && a.minConsecutiveDaysOff == b.minConsecutiveDaysOff && a.maxWeekends == b.maxWeekends
        }
    }

    public struct RequestRecord: Sendable, Equatable {
        public var staff: String
        public var day: Int
        public var shiftType: String
        public var weight: Int
        public var on: Bool
        var line: Int
    }

    public struct CoverRecord: Sendable, Equatable {
        public var day: Int
        public var shiftType: String
        public var requirement: Int
        public var underWeight: Int
        public var overWeight: Int
        var line: Int
    }

    /// The instance as read from the file, checked: every id known, every day inside the horizon.
    public struct Parsed: Sendable {
        public var days: Int
        public var shiftTypes: [ShiftTypeRecord]
        public var staff: [StaffRecord]
        /// Per staff id: the days off, in file order.
        public var daysOff: [(staff: String, day: Int)]
        public var requests: [RequestRecord]
        public var cover: [CoverRecord]
    }

    enum Section: String, CaseIterable {
        case horizon = "SECTION_HORIZON"
        case shifts = "SECTION_SHIFTS"
        case staff = "SECTION_STAFF"
        case daysOff = "SECTION_DAYS_OFF"
        case onRequests = "SECTION_SHIFT_ON_REQUESTS"
        case offRequests = "SECTION_SHIFT_OFF_REQUESTS"
        case cover = "SECTION_COVER"
    }

    /// Converts the text of an instance file into a `rota-scenario/1` document.
    /// - Parameters:
    ///   - text: the file's contents (CRLF or LF line endings).
    ///   - file: the file's name, for error messages.
    ///   - name: the scenario's `name`.
    /// - Throws: `InputError` naming the file and listing every problem, each at `line N`.
    public static func parse(_ text: String, file: String, name: String) throws -> JSONValue {
        let p = try read(text, file: file)
        return scenario(p, name: name)
    }

    /// Reads and checks an instance file without converting it.
    public static func read(_ text: String, file: String) throws -> Parsed {
        var diagnostics: [Diagnostic] = []
        func error(_ line: Int, _ message: String) { diagnostics.append(Diagnostic("line \(line)", message)) }

        var horizonLines: [(Int, [String])] = []
        var shiftTypes: [ShiftTypeRecord] = []
        var staff: [StaffRecord] = []
        var daysOffRaw: [(staff: String, days: [(Int, String)], line: Int)] = []
        var requests: [RequestRecord] = []
        var cover: [CoverRecord] = []
        var seenSections: [Section: Int] = [:]
        var section: Section?
        // Ids of staff and shift lines rejected above: later lines naming them are not reported
        // again as naming unknown ids (one mistake, one message).
        var brokenStaff = Set<String>(), brokenTypes = Set<String>()

        func integer(_ s: String, _ what: String, _ line: Int, min: Int = 0) -> Int? {
            guard let v = Int(s) else {
                error(line, "\(what) '\(s)' is not a whole number")
                return nil
            }
            if v < min {
                error(line, "\(what) must be at least \(min), found \(v)")
                return nil
            }
            return v
        }

        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // Split on LF only (Swift treats "\r\n" as one Character, so split the scalars), then drop a
        // trailing CR: CRLF and LF files read the same.
        let rawLines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        for (index, raw) in rawLines.enumerated() {
            let lineNo = index + 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("SECTION_") {
                guard let s = Section(rawValue: line) else {
                    error(lineNo, "unknown section '\(line)': expected one of \(Section.allCases.map(\.rawValue).joined(separator: ", "))")
                    section = nil
                    continue
                }
                if let first = seenSections[s] {
                    error(lineNo, "\(s.rawValue) appears again (first at line \(first))")
                }
                seenSections[s] = seenSections[s] ?? lineNo
                section = s
                continue
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let section else {
                error(lineNo, "data line outside any section: a SECTION_... line must come first")
                continue
            }
            switch section {
            case .horizon:
                horizonLines.append((lineNo, fields))
            case .shifts:
                guard fields.count == 2 || fields.count == 3 else {
                    error(lineNo, "a shift line has 3 fields (ShiftID,LengthMinutes,ID1|ID2|...), found \(fields.count)")
                    continue
                }
                guard !fields[0].isEmpty else { error(lineNo, "the shift id is empty"); continue }
                brokenTypes.insert(fields[0])
                guard let len = integer(fields[1], "shift length", lineNo, min: 1) else { continue }
                if len > 1440 {
                    error(lineNo, "shift '\(fields[0])' lasts \(len) minutes: the import supports shifts of at most 1440 minutes (one day)")
                    continue
                }
                let cf = fields.count == 3 ? fields[2].split(separator: "|", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) } : []
                let follow = cf == [""] ? [] : cf
                if follow.contains("") { error(lineNo, "an empty shift id in the list of shifts that cannot follow '\(fields[0])'"); continue }
                brokenTypes.remove(fields[0])
                shiftTypes.append(ShiftTypeRecord(id: fields[0], minutes: len, cannotFollow: follow, line: lineNo))
            case .staff:
                guard fields.count == 8 else {
                    error(lineNo, "a staff line has 8 fields (ID,MaxShifts,MaxTotalMinutes,MinTotalMinutes,MaxConsecutiveShifts,MinConsecutiveShifts,MinConsecutiveDaysOff,MaxWeekends), found \(fields.count)")
                    continue
                }
                guard !fields[0].isEmpty else { error(lineNo, "the staff id is empty"); continue }
                brokenStaff.insert(fields[0])
                var maxShifts: [(String, Int)] = []
                var ok = true
                if !fields[1].isEmpty {
                    for part in fields[1].split(separator: "|", omittingEmptySubsequences: false) {
                        let kv = part.split(separator: "=", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                        guard kv.count == 2, !kv[0].isEmpty else {
                            error(lineNo, "MaxShifts entry '\(part)' is not ShiftID=number"); ok = false; continue
                        }
                        guard let n = integer(kv[1], "MaxShifts for '\(kv[0])'", lineNo) else { ok = false; continue }
                        if maxShifts.contains(where: { $0.0 == kv[0] }) {
                            error(lineNo, "MaxShifts names shift '\(kv[0])' twice"); ok = false; continue
                        }
                        maxShifts.append((kv[0], n))
                    }
                }
                let names = ["MaxTotalMinutes", "MinTotalMinutes", "MaxConsecutiveShifts", "MinConsecutiveShifts",
                             "MinConsecutiveDaysOff", "MaxWeekends"]
                var values: [Int] = []
                for (k, n) in names.enumerated() {
                    if let v = integer(fields[k + 2], n, lineNo) { values.append(v) } else { ok = false }
                }
                guard ok else { continue }
                if values[1] > values[0] {
                    error(lineNo, "MinTotalMinutes (\(values[1])) is greater than MaxTotalMinutes (\(values[0]))"); continue
                }
                if values[3] > values[2] {
                    error(lineNo, "MinConsecutiveShifts (\(values[3])) is greater than MaxConsecutiveShifts (\(values[2]))"); continue
                }
                brokenStaff.remove(fields[0])
                staff.append(StaffRecord(id: fields[0], maxShifts: maxShifts, maxTotalMinutes: values[0], minTotalMinutes: values[1],
                                         maxConsecutiveShifts: values[2], minConsecutiveShifts: values[3],
                                         minConsecutiveDaysOff: values[4], maxWeekends: values[5], line: lineNo))
            case .daysOff:
                guard !fields[0].isEmpty else { error(lineNo, "the employee id is empty"); continue }
                var days: [(Int, String)] = []
                var ok = true
                for f in fields.dropFirst() {
                    if let d = integer(f, "day index", lineNo) { days.append((d, f)) } else { ok = false }
                }
                if ok { daysOffRaw.append((fields[0], days, lineNo)) }
            case .onRequests, .offRequests:
                guard fields.count == 4 else {
                    error(lineNo, "a request line has 4 fields (EmployeeID,Day,ShiftID,Weight), found \(fields.count)")
                    continue
                }
                guard let day = integer(fields[1], "day index", lineNo), let w = integer(fields[3], "weight", lineNo) else { continue }
                requests.append(RequestRecord(staff: fields[0], day: day, shiftType: fields[2], weight: w,
                                              on: section == .onRequests, line: lineNo))
            case .cover:
                guard fields.count == 5 else {
                    error(lineNo, "a cover line has 5 fields (Day,ShiftID,Requirement,WeightUnder,WeightOver), found \(fields.count)")
                    continue
                }
                guard let day = integer(fields[0], "day index", lineNo),
                      let req = integer(fields[2], "requirement", lineNo),
                      let under = integer(fields[3], "under weight", lineNo),
                      let over = integer(fields[4], "over weight", lineNo) else { continue }
                cover.append(CoverRecord(day: day, shiftType: fields[1], requirement: req, underWeight: under,
                                         overWeight: over, line: lineNo))
            }
        }

        // The horizon.
        var days = 0
        if seenSections[.horizon] == nil {
            diagnostics.append(Diagnostic("SECTION_HORIZON", "missing: the file must give the horizon length in days"))
        } else if horizonLines.count != 1 {
            error(horizonLines.dropFirst().first?.0 ?? seenSections[.horizon]!,
                  "SECTION_HORIZON holds exactly one number (the horizon length in days), found \(horizonLines.count) lines")
        } else {
            let (lineNo, fields) = horizonLines[0]
            if fields.count != 1 {
                error(lineNo, "the horizon is one number, found \(fields.count) fields")
            } else if let d = integer(fields[0], "horizon length", lineNo, min: 1) {
                if d > 3660 { error(lineNo, "the horizon length must be at most 3660 days, found \(d)") } else { days = d }
            }
        }
        for s in [Section.shifts, .staff] where seenSections[s] == nil {
            diagnostics.append(Diagnostic(s.rawValue, "missing: the file must list its \(s == .shifts ? "shift types" : "staff")"))
        }

        // Ids.
        var typeLine: [String: Int] = [:]
        for t in shiftTypes {
            if let first = typeLine[t.id] { error(t.line, "duplicate shift id '\(t.id)' (first at line \(first))") } else { typeLine[t.id] = t.line }
        }
        var staffLine: [String: Int] = [:]
        for s in staff {
            if let first = staffLine[s.id] { error(s.line, "duplicate staff id '\(s.id)' (first at line \(first))") } else { staffLine[s.id] = s.line }
        }
        func knownType(_ id: String, _ line: Int, _ context: String) -> Bool {
            if typeLine[id] != nil { return true }
            if brokenTypes.contains(id) { return false }
            error(line, "unknown shift id '\(id)' \(context): SECTION_SHIFTS has no such shift")
            return false
        }
        func knownStaff(_ id: String, _ line: Int) -> Bool {
            if staffLine[id] != nil { return true }
            if brokenStaff.contains(id) { return false }
            error(line, "unknown staff id '\(id)': SECTION_STAFF has no such person")
            return false
        }
        func inHorizon(_ day: Int, _ line: Int) -> Bool {
            if days == 0 || day < days { return true }
            error(line, "day \(day) is outside the horizon (days 0 to \(days - 1))")
            return false
        }
        for t in shiftTypes {
            for id in t.cannotFollow { _ = knownType(id, t.line, "in the shifts that cannot follow '\(t.id)'") }
        }
        for s in staff {
            for (id, _) in s.maxShifts { _ = knownType(id, s.line, "in MaxShifts of '\(s.id)'") }
        }
        var daysOff: [(staff: String, day: Int)] = []
        for d in daysOffRaw where knownStaff(d.staff, d.line) {
            var seen = Set<Int>()
            for (day, _) in d.days where inHorizon(day, d.line) && seen.insert(day).inserted {
                daysOff.append((d.staff, day))
            }
        }
        for r in requests {
            _ = knownStaff(r.staff, r.line)
            _ = knownType(r.shiftType, r.line, "in the request")
            _ = inHorizon(r.day, r.line)
        }
        var coverKey: [String: Int] = [:]
        for c in cover {
            guard knownType(c.shiftType, c.line, "in the cover"), inHorizon(c.day, c.line) else { continue }
            let key = "\(c.day)|\(c.shiftType)"
            if let first = coverKey[key] {
                error(c.line, "a second cover line for day \(c.day), shift '\(c.shiftType)' (first at line \(first))")
            } else {
                coverKey[key] = c.line
            }
        }

        if !diagnostics.isEmpty {
            let sorted = diagnostics.enumerated().sorted { a, b in
                let la = lineNumber(a.element.path), lb = lineNumber(b.element.path)
                return (la, a.offset) < (lb, b.offset)
            }.map(\.element)
            throw InputError(file: file, diagnostics: sorted)
        }
        return Parsed(days: days, shiftTypes: shiftTypes, staff: staff, daysOff: daysOff, requests: requests, cover: cover)
    }

    static func lineNumber(_ path: String) -> Int {
        path.hasPrefix("line ") ? Int(path.dropFirst(5)) ?? 0 : 0
    }

    /// The id of the shift of type `type` on day `day`, for example `D-d003`.
    public static func shiftID(type: String, day: Int) -> String {
        "\(type)-d\(String(format: "%03d", day))"
    }

    /// The date of day `day` as `YYYY-MM-DD`.
    public static func date(ofDay day: Int) -> String { startDate.adding(days: day).description }

    /// Builds the `rota-scenario/1` document of a parsed instance.
    public static func scenario(_ p: Parsed, name: String) -> JSONValue {
        let staffCount = p.staff.count
        let shiftTypes: [JSONValue] = p.shiftTypes.map { t in
            .object([
                "id": .string(t.id),
                "start": .string("00:00"),
                "durationMinutes": .int(t.minutes),
                "countedMinutes": .int(t.minutes),
                "standby": .bool(false),
                "location": .null,
                "cannotFollow": .array(t.cannotFollow.map { .string($0) }),
                "fairness": .bool(false),
            ])
        }
        var coverByKey: [String: CoverRecord] = [:]
        for c in p.cover { coverByKey["\(c.day)|\(c.shiftType)"] = c }
        var shifts: [JSONValue] = []
        for day in 0..<p.days {
            for t in p.shiftTypes {
                let c = coverByKey["\(day)|\(t.id)"]
                shifts.append(.object([
                    "id": .string(shiftID(type: t.id, day: day)),
                    "type": .string(t.id),
                    "date": .string(date(ofDay: day)),
                    "required": .int(c?.requirement ?? 0),
                    "underWeight": .int(c?.underWeight ?? 0),
                    "overWeight": .int(c?.overWeight ?? 0),
                    "min": .int(0),
                    "max": .int(staffCount),
                ]))
            }
        }
        var daysOff: [String: [Int]] = [:]
        for d in p.daysOff { daysOff[d.staff, default: []].append(d.day) }
        var requests: [String: [JSONValue]] = [:]
        for r in p.requests {
            requests[r.staff, default: []].append(.object([
                "date": .string(date(ofDay: r.day)),
                "shiftType": .string(r.shiftType),
                "on": .bool(r.on),
                "weight": .int(r.weight),
            ]))
        }
        let workers: [JSONValue] = p.staff.map { s in
            var maxShifts: [String: JSONValue] = [:]
            for (k, v) in s.maxShifts { maxShifts[k] = .int(v) }
            let unavailable: [JSONValue] = (daysOff[s.id] ?? []).sorted().map { d in
                .object([
                    "from": .string("\(date(ofDay: d))T00:00"),
                    "to": .string("\(date(ofDay: d + 1))T00:00"),
                    "reason": .string("day off"),
                ])
            }
            return .object([
                "id": .string(s.id),
                "base": .string(locationID),
                "maxShifts": .object(maxShifts),
                "maxTotalMinutes": .int(s.maxTotalMinutes),
                "minTotalMinutes": .int(s.minTotalMinutes),
                "maxConsecutiveDays": .int(s.maxConsecutiveShifts),
                "minConsecutiveDays": .int(s.minConsecutiveShifts),
                "minConsecutiveDaysOff": .int(s.minConsecutiveDaysOff),
                "maxWeekends": .int(s.maxWeekends),
                "unavailable": .array(unavailable),
                "requests": .array(requests[s.id] ?? []),
            ])
        }
        return .object([
            "format": .string("rota-scenario/1"),
            "name": .string(name),
            "description": .string("Curtois & Qu shift scheduling benchmark, imported by 'rota import curtois': day 0 is Monday \(startDate); time zone UTC so every day lasts 24 h; the objective (requests + cover) equals the benchmark's."),
            "timeZone": .string("UTC"),
            "horizon": .object(["start": .string(startDate.description), "days": .int(p.days)]),
            "rules": .object([
                "maxShiftsPerDay": .int(1),
                "minRestMinutes": .int(0),
                "maxWeeklyMinutes": .int(7 * 1440),
                "maxConsecutiveDays": .int(max(p.days, 1)),
                "minConsecutiveDays": .int(1),
                "minConsecutiveDaysOff": .int(1),
            ]),
            "locations": .array([.object(["id": .string(locationID), "name": .string("Ward"),
                                          "lat": .double(52.9388), "lon": .double(-1.1955)])]),
            "venues": .array([]),
            "cases": .array([]),
            "sessions": .array([]),
            "workers": .array(workers),
            "shiftTypes": .array(shiftTypes),
            "shifts": .array(shifts),
        ])
    }
}
