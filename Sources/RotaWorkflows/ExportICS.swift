import Foundation
import RotaChecker
import RotaModel

/// `rota export ics`: one iCalendar file (RFC 5545) per worker. CRLF lines folded at 75 octets,
/// a VTIMEZONE for the scenario's zone and local times with TZID, a stable UID per assignment
/// (`<session or shift id>-<worker id>@rota`), SEQUENCE raised when an assignment changed since
/// `--previous`, and STATUS:CANCELLED events for assignments removed since then. Privacy: case
/// ids and venue names only; never a case's name, never a pick-up address.
public enum ExportICS {
    public struct File: Sendable, Equatable {
        public var name: String
        public var content: String
    }

    /// An assignment as it appears in a calendar; equal fingerprints mean an unchanged event.
    struct Event {
        var uid: String
        var activity: WorkflowActivity
        var fingerprint: String
    }

    /// Builds every worker's calendar.
    /// - Parameters:
    ///   - previous: the rota exported last time (for SEQUENCE and cancellations).
    ///   - existingSequences: UID → SEQUENCE found in the files already in the output folder.
    ///   - stamp: DTSTAMP (the export time).
    public static func files(_ doc: SolutionDocument, instance inst: Instance, previous: SolutionDocument?,
                             existingSequences: [String: Int] = [:], stamp: Date = Date()) -> [File] {
        let current = events(Assignment.read(doc, instance: inst).0, inst)
        let before = previous.map { events(Assignment.read($0, instance: inst).0, inst) }
        let dtstamp = utcStamp(stamp)
        return inst.workers.indices.map { w in
            let wid = inst.workers[w].id
            var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//rota//rota export ics//EN", "CALSCALE:GREGORIAN",
                         "METHOD:PUBLISH", "X-WR-CALNAME:\(escape("Rota \(wid)"))", "X-WR-TIMEZONE:\(inst.scenario.timeZone)"]
            lines += vtimezone(inst)
            let old = Dictionary(before?[w].map { ($0.uid, $0) } ?? [], uniquingKeysWith: { a, _ in a })
            let nowUIDs = Set(current[w].map(\.uid))
            for ev in current[w] {
                var seq = existingSequences[ev.uid] ?? 0
                if let o = old[ev.uid], o.fingerprint != ev.fingerprint { seq += 1 }
                lines += vevent(ev.activity, uid: ev.uid, sequence: seq, status: "CONFIRMED", stamp: dtstamp, inst)
            }
            for ev in (before?[w] ?? []) where !nowUIDs.contains(ev.uid) {
                let seq = (existingSequences[ev.uid] ?? 0) + 1
                lines += vevent(ev.activity, uid: ev.uid, sequence: seq, status: "CANCELLED", stamp: dtstamp, inst)
            }
            lines.append("END:VCALENDAR")
            return File(name: fileName(wid), content: lines.map(fold).joined(separator: "\r\n") + "\r\n")
        }
    }

    /// Reads UID → SEQUENCE from calendar files written earlier (unfolding lines first).
    public static func sequences(in text: String) -> [String: Int] {
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
        var out: [String: Int] = [:]
        var uid: String?
        var seq = 0
        for line in unfolded.components(separatedBy: "\r\n") {
            if line == "BEGIN:VEVENT" { uid = nil; seq = 0 }
            else if line.hasPrefix("UID:") { uid = String(line.dropFirst(4)) }
            else if line.hasPrefix("SEQUENCE:") { seq = Int(line.dropFirst(9)) ?? 0 }
            else if line == "END:VEVENT", let u = uid { out[u] = max(out[u] ?? 0, seq) }
        }
        return out
    }

    public static func fileName(_ workerID: String) -> String {
        String(workerID.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" }) + ".ics"
    }

    static func events(_ a: Assignment, _ inst: Instance) -> [[Event]] {
        let e = Evaluation(instance: inst, assignment: a)
        return WorkflowSupport.activities(e).map { acts in
            acts.map { x in
                let uid = "\(x.id)-\(x.worker)@rota"
                let fp = [x.start, x.end, x.itemStart, x.itemEnd].map(String.init).joined(separator: ",") + "|\(x.venueID ?? "")|\(x.role)"
                return Event(uid: uid, activity: x, fingerprint: fp)
            }
        }
    }

    static func vevent(_ x: WorkflowActivity, uid: String, sequence: Int, status: String, stamp: String, _ inst: Instance) -> [String] {
        let tz = inst.scenario.timeZone
        var lines = ["BEGIN:VEVENT", "UID:\(escape(uid))", "DTSTAMP:\(stamp)",
                     "DTSTART;TZID=\(tz):\(localStamp(inst, x.start))", "DTEND;TZID=\(tz):\(localStamp(inst, x.end))",
                     "SEQUENCE:\(sequence)", "STATUS:\(status)"]
        let hh = { (t: Int) in WorkflowSupport.hhmm(inst, t) }
        switch x.kind {
        case .session:
            let summary = "Family time \(x.caseID ?? "") (\(x.role == "second" ? "second worker" : x.role))"
            lines.append("SUMMARY:\(escape(status == "CANCELLED" ? "Cancelled: " + summary : summary))")
            if let v = x.venueName { lines.append("LOCATION:\(escape(v))") }
            var d = "Session \(x.id) for case \(x.caseID ?? "") from \(hh(x.itemStart)) to \(hh(x.itemEnd))"
            if let v = x.venueName { d += " at \(v)" }
            d += "."
            if x.start != x.itemStart { d += " Leave at \(hh(x.start)) to collect the child; back by \(hh(x.end)) after taking the child home." }
            d += " Counted working time \(x.minutes) min (report writing included for the lead)."
            lines.append("DESCRIPTION:\(escape(d))")
            lines.append("CATEGORIES:SESSION")
            lines.append("TRANSP:OPAQUE")
        case .shift, .standby:
            let summary = x.kind == .standby ? "On-call \(x.shiftType ?? x.id)" : "Shift \(x.shiftType ?? x.id)"
            lines.append("SUMMARY:\(escape(status == "CANCELLED" ? "Cancelled: " + summary : summary))")
            lines.append("DESCRIPTION:\(escape("\(summary) (\(x.id)) from \(hh(x.itemStart)); counted working time \(x.minutes) min."))")
            lines.append("CATEGORIES:\(x.kind == .standby ? "ON-CALL" : "SHIFT")")
            lines.append("TRANSP:\(x.kind == .standby ? "TRANSPARENT" : "OPAQUE")")
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// `YYYYMMDDTHHMMSS` on the scenario's wall clock.
    static func localStamp(_ inst: Instance, _ abs: Int) -> String {
        let t = inst.clock.local(abs)
        return String(format: "%04d%02d%02dT%02d%02d00", t.date.year, t.date.month, t.date.day, t.minuteOfDay / 60, t.minuteOfDay % 60)
    }

    static func utcStamp(_ d: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: d)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    static func offset(_ seconds: Int) -> String {
        let m = abs(seconds) / 60
        return String(format: "%@%02d%02d", seconds < 0 ? "-" : "+", m / 60, m % 60)
    }

    /// The VTIMEZONE: the Europe/London rules (BST from the last Sunday of March at 01:00 UTC,
    /// GMT from the last Sunday of October at 01:00 UTC) as yearly rules; any other zone as the
    /// observances Foundation's time-zone database lists around the horizon.
    static func vtimezone(_ inst: Instance) -> [String] {
        let id = inst.scenario.timeZone
        if id == "Europe/London" {
            return ["BEGIN:VTIMEZONE", "TZID:Europe/London",
                    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST", "DTSTART:19810329T010000",
                    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
                    "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT", "DTSTART:19961027T020000",
                    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"]
        }
        guard let tz = TimeZone(identifier: id) else { return [] }
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(id)"]
        let start = inst.scenario.horizon.start
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let from = cal.date(from: DateComponents(year: start.year - 1, month: 1, day: 1))!
        let to = from.addingTimeInterval(Double(inst.days + 3 * 366) * 86400)
        func local(_ d: Date, _ off: Int) -> String {
            let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: d.addingTimeInterval(Double(off)))
            return String(format: "%04d%02d%02dT%02d%02d%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        }
        let first = tz.secondsFromGMT(for: from)
        let kind0 = tz.isDaylightSavingTime(for: from) ? "DAYLIGHT" : "STANDARD"
        lines += ["BEGIN:\(kind0)", "TZOFFSETFROM:\(offset(first))", "TZOFFSETTO:\(offset(first))", "DTSTART:\(local(from, first))", "END:\(kind0)"]
        var cursor = from
        while let next = tz.nextDaylightSavingTimeTransition(after: cursor), next < to {
            let before = tz.secondsFromGMT(for: next.addingTimeInterval(-1)), after = tz.secondsFromGMT(for: next)
            let kind = tz.isDaylightSavingTime(for: next) ? "DAYLIGHT" : "STANDARD"
            lines += ["BEGIN:\(kind)", "TZOFFSETFROM:\(offset(before))", "TZOFFSETTO:\(offset(after))", "DTSTART:\(local(next, before))", "END:\(kind)"]
            cursor = next
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    /// RFC 5545 TEXT escaping: backslash, semicolon, comma, newline.
    public static func escape(_ s: String) -> String {
        var o = ""
        for c in s {
            switch c {
            case "\\": o += "\\\\"
            case ";": o += "\\;"
            case ",": o += "\\,"
            case "\n", "\r\n": o += "\\n"
            case "\r": break
            default: o.append(c)
            }
        }
        return o
    }

    /// Folds a content line at 75 octets (continuation lines start with a space, which counts),
    /// never inside a UTF-8 sequence.
    public static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let n = String(scalar).utf8.count
            if count + n > limit {
                out += "\r\n "
                count = 1
                limit = 75
            }
            out.unicodeScalars.append(scalar)
            count += n
        }
        return out
    }
}
