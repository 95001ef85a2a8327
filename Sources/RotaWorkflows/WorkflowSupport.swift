import Foundation
import RotaChecker
import RotaModel

/// One thing a worker does in a rota, in the words the workflows (explain, exports) use.
/// Never carries a case's `name`: only its id.
public struct WorkflowActivity: Sendable, Equatable {
    public enum Kind: String, Sendable { case session, shift, standby }
    public var worker: String
    public var kind: Kind
    /// Session or shift id.
    public var id: String
    /// Horizon day the activity belongs to.
    public var day: Int
    /// The worker's occupied time, absolute minutes (a lead's transport legs included).
    public var start: Int
    public var end: Int
    /// The session itself (without transport legs), or the shift.
    public var itemStart: Int
    public var itemEnd: Int
    public var venueID: String?
    /// The venue's display name (its `name`, else its id).
    public var venueName: String?
    public var caseID: String?
    /// `lead`, `lead (transport)`, `second`, `shift` or `on-call`.
    public var role: String
    /// Working minutes counted for this activity (route travel excluded).
    public var minutes: Int
    /// Shift type id for shifts.
    public var shiftType: String?
}

/// Helpers shared by explain, what-if, re-optimise and the exports.
public enum WorkflowSupport {
    /// Every worker's activities, in start order per worker (workers in scenario order).
    public static func activities(_ e: Evaluation) -> [[WorkflowActivity]] {
        let inst = e.instance
        return inst.workers.indices.map { w in
            e.activities[w].map { a in
                switch a.kind {
                case .session(let s):
                    let info = inst.sessions[s]
                    let p = e.assignment.sessions[s]!
                    let venue = p.venue.map { inst.venues[$0].id }
                    let venueName = p.venue.map { v in WorkflowSupport.venueName(inst, v) }
                    let role = a.isLead ? (info.transportFrom != nil ? "lead (transport)" : "lead") : "second"
                    return WorkflowActivity(worker: inst.workers[w].id, kind: .session, id: info.id, day: a.day,
                                            start: a.interval.start, end: a.interval.end, itemStart: p.start,
                                            itemEnd: p.start + info.duration, venueID: venue, venueName: venueName,
                                            caseID: inst.cases[info.caseIndex].id, role: role, minutes: a.minutes,
                                            shiftType: nil)
                case .shift(let h):
                    let shift = inst.shifts[h]
                    let type = inst.shiftTypes[shift.type]
                    return WorkflowActivity(worker: inst.workers[w].id, kind: type.standby ? .standby : .shift, id: shift.id,
                                            day: a.day, start: a.interval.start, end: a.interval.end,
                                            itemStart: shift.interval.start, itemEnd: shift.interval.end,
                                            venueID: nil, venueName: nil, caseID: nil,
                                            role: type.standby ? "on-call" : "shift", minutes: a.minutes, shiftType: type.id)
                }
            }
        }
    }

    /// A venue's display name: its `name`, else its location's `name`, else its id.
    public static func venueName(_ inst: Instance, _ v: Int) -> String {
        let venue = inst.scenario.venues[v]
        if let n = venue.name, !n.isEmpty { return n }
        if let l = inst.scenario.locations.first(where: { $0.id == venue.location }), let n = l.name, !n.isEmpty { return n }
        return venue.id
    }

    /// A cell's text on two short lines (time and id; venue, case and role), for plain-text grids.
    public static func cellLines(_ inst: Instance, _ a: WorkflowActivity) -> [String] {
        guard a.kind == .session else { return [cellText(inst, a)] }
        var second = [a.venueID.map { "@\($0)" }, a.caseID.map { "[\($0)]" }].compactMap { $0 }
        if a.role == "second" { second.append("(2nd)") }
        if a.role == "lead (transport)" { second.append("(drives)") }
        return ["\(hhmm(inst, a.itemStart))-\(hhmm(inst, a.itemEnd)) \(a.id)", "  " + second.joined(separator: " ")]
    }

    /// `HH:MM` of an absolute minute, on the scenario's wall clock.
    public static func hhmm(_ inst: Instance, _ abs: Int) -> String { formatClockTime(inst.clock.minuteOfDay(abs)) }

    /// `YYYY-MM-DD` of an absolute minute.
    public static func date(_ inst: Instance, _ abs: Int) -> String { inst.clock.local(abs).date.description }

    /// Short label of a day: `Mon 23 Nov`.
    public static func dayLabel(_ inst: Instance, _ d: Int) -> String {
        let date = inst.clock.date(ofDay: d)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let wd = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][date.weekday.rawValue]
        return "\(wd) \(date.day) \(months[date.month - 1])"
    }

    /// A short cell text for the worker × day table.
    public static func cellText(_ inst: Instance, _ a: WorkflowActivity) -> String {
        switch a.kind {
        case .session:
            var s = "\(hhmm(inst, a.itemStart))-\(hhmm(inst, a.itemEnd)) \(a.id)"
            if let v = a.venueID { s += " @\(v)" }
            if let c = a.caseID { s += " [\(c)]" }
            if a.role == "second" { s += " (2nd)" }
            if a.role == "lead (transport)" { s += " (drives)" }
            return s
        case .shift: return "\(a.shiftType ?? a.id) \(hhmm(inst, a.itemStart))-\(hhmm(inst, a.itemEnd))"
        case .standby: return "\(a.shiftType ?? a.id) on-call from \(hhmm(inst, a.itemStart))"
        }
    }

    /// Reads a solution against an instance; problems that make the rota unreadable are input errors.
    public static func assignment(_ doc: SolutionDocument, _ inst: Instance, file: String) throws -> Assignment {
        let (a, problems) = Assignment.read(doc, instance: inst)
        if !problems.isEmpty {
            throw InputError(file: file, diagnostics: problems.map { Diagnostic("$", $0) })
        }
        return a
    }

    /// Pads or truncates text to a width (for plain-text tables).
    public static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }

    public static func padLeft(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : String(repeating: " ", count: n - s.count) + s
    }

    /// Minutes as `37h 00m`.
    public static func hours(_ m: Int) -> String {
        let sign = m < 0 ? "-" : ""
        let a = abs(m)
        return "\(sign)\(a / 60)h \(String(format: "%02d", a % 60))m"
    }

    /// Deterministic pretty JSON (sorted keys) with a final newline.
    public static func json<T: Encodable>(_ v: T) throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var d = try enc.encode(v)
        d.append(0x0A)
        return d
    }
}

import RotaGreedy

/// Backends for the workflows' tests and tools: the native construction and local search as the
/// `greedy` backend, whatever `SolveRunner.Backends.standard` is wired to in this build.
public enum WorkflowBackends {
    public static func native(maxIdleMoves: Int = 20_000, localSearch: Bool = true) -> SolveRunner.Backends {
        SolveRunner.Backends(greedy: { instance, options in
            GreedySolver(maxIdleMoves: maxIdleMoves, localSearch: localSearch).solve(instance, options: options)
        }, glpk: nil)
    }
}
