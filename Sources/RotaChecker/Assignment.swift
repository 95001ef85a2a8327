import RotaModel

/// Where and when a session happens, and who does it (the lead first).
public struct SessionPlacement: Sendable, Equatable, Hashable {
    public var workers: [Int]
    public var start: Int
    public var venue: Int?
    public init(workers: [Int], start: Int, venue: Int?) {
        self.workers = workers; self.start = start; self.venue = venue
    }
    public var lead: Int { workers[0] }
}

/// A rota in solver terms: indices and absolute minutes. Every solver produces one; the checker
/// judges it; `SolutionWriter` turns it into a `rota-solution/1` document.
public struct Assignment: Sendable, Equatable {
    /// Per session: its placement, or nil when unassigned.
    public var sessions: [SessionPlacement?]
    /// Per shift: its workers.
    public var shiftWorkers: [[Int]]
    /// Per case: the worker chosen by the solver for a case with no `allocatedWorker` (nil otherwise).
    public var allocations: [Int?]

    public init(sessions: [SessionPlacement?], shiftWorkers: [[Int]], allocations: [Int?]) {
        self.sessions = sessions; self.shiftWorkers = shiftWorkers; self.allocations = allocations
    }

    /// Everything unassigned, every shift empty, no allocation.
    public static func empty(for instance: Instance) -> Assignment {
        Assignment(sessions: Array(repeating: nil, count: instance.sessions.count),
                   shiftWorkers: Array(repeating: [], count: instance.shifts.count),
                   allocations: Array(repeating: nil, count: instance.cases.count))
    }

    /// The worker responsible for a case: the given one, else the solver's choice.
    public func allocatedWorker(ofCase c: Int, in instance: Instance) -> Int? {
        instance.cases[c].allocatedWorker ?? allocations[c]
    }
}

extension Assignment {
    /// Reads a solution document against an instance. Problems that make a line meaningless
    /// (unknown ids, unreadable times, sessions missing or repeated) are returned as `problems`;
    /// the line is then taken as unassigned.
    public static func read(_ doc: SolutionDocument, instance: Instance) -> (Assignment, problems: [String]) {
        var a = Assignment.empty(for: instance)
        var problems: [String] = []
        var seen = Set<Int>()
        for (i, line) in doc.sessions.enumerated() {
            guard let s = instance.sessionIndex[line.id] else {
                problems.append("sessions[\(i)]: unknown session '\(line.id)'"); continue
            }
            if !seen.insert(s).inserted { problems.append("session \(line.id) appears more than once"); continue }
            guard line.isAssigned else { continue }
            var workers: [Int] = []
            var ok = true
            for w in line.workers ?? [] {
                if let k = instance.workerIndex[w] { workers.append(k) } else {
                    problems.append("session \(line.id): unknown worker '\(w)'"); ok = false
                }
            }
            guard let st = line.start else { problems.append("session \(line.id): assigned but has no start"); continue }
            guard let lt = LocalDateTime(parsing: st, allowEndOfDay: false) else {
                problems.append("session \(line.id): start '\(st)' is not YYYY-MM-DDTHH:MM"); continue
            }
            guard let t = instance.clock.absolute(lt) else {
                problems.append("session \(line.id): start \(st) does not exist in \(instance.scenario.timeZone)"); continue
            }
            var venue: Int?
            if let v = line.venue {
                guard let k = instance.venueIndex[v] else { problems.append("session \(line.id): unknown venue '\(v)'"); continue }
                venue = k
            }
            if ok { a.sessions[s] = SessionPlacement(workers: workers, start: t, venue: venue) }
        }
        for (s, info) in instance.sessions.enumerated() where !seen.contains(s) {
            problems.append("session \(info.id) is missing from the solution (every session appears once)")
        }
        var seenShifts = Set<Int>()
        for (i, line) in doc.shifts.enumerated() {
            guard let h = instance.shiftIndex[line.id] else { problems.append("shifts[\(i)]: unknown shift '\(line.id)'"); continue }
            if !seenShifts.insert(h).inserted { problems.append("shift \(line.id) appears more than once"); continue }
            for w in line.workers {
                if let k = instance.workerIndex[w] { a.shiftWorkers[h].append(k) } else {
                    problems.append("shift \(line.id): unknown worker '\(w)'")
                }
            }
        }
        for (h, info) in instance.shifts.enumerated() where !seenShifts.contains(h) {
            problems.append("shift \(info.id) is missing from the solution (every shift appears once)")
        }
        for (i, al) in doc.allocations.enumerated() {
            guard let c = instance.caseIndex[al.case] else { problems.append("allocations[\(i)]: unknown case '\(al.case)'"); continue }
            guard let w = instance.workerIndex[al.worker] else { problems.append("allocations[\(i)]: unknown worker '\(al.worker)'"); continue }
            if instance.cases[c].allocatedWorker != nil {
                problems.append("allocations[\(i)]: case \(al.case) already has an allocated worker; allocations are only for cases without one")
                continue
            }
            if a.allocations[c] != nil { problems.append("allocations[\(i)]: case \(al.case) is allocated twice"); continue }
            a.allocations[c] = w
        }
        return (a, problems)
    }

    /// Reads the baseline of an instance, if it has one, ignoring unreadable lines (they were
    /// validated with the scenario).
    public static func baseline(of instance: Instance) -> Assignment? {
        guard let b = instance.scenario.baseline else { return nil }
        // Sessions absent from the baseline count as unassigned there.
        return read(b, instance: instance).0
    }
}
