/// A half-open stretch of absolute minutes, `[start, end)`.
public struct Interval: Sendable, Equatable, Hashable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
    @inline(__always) public func contains(_ other: Interval) -> Bool { start <= other.start && other.end <= end }
    @inline(__always) public func overlaps(_ other: Interval) -> Bool { start < other.end && other.start < end }
    public var length: Int { end - start }
}

extension Array where Element == Interval {
    /// Sorts and merges overlapping or touching intervals.
    func merged() -> [Interval] {
        let sorted = self.sorted { $0.start < $1.start }
        var out: [Interval] = []
        for iv in sorted {
            if let last = out.last, iv.start <= last.end {
                out[out.count - 1].end = Swift.max(last.end, iv.end)
            } else {
                out.append(iv)
            }
        }
        return out
    }

    /// True when `iv` lies wholly inside one of these (merged) intervals.
    @inline(__always) public func containsWhole(_ iv: Interval) -> Bool {
        // Binary search for the last interval starting at or before iv.start.
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].start <= iv.start { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && self[lo - 1].end >= iv.end
    }

    /// True when `iv` overlaps any of these intervals.
    public func anyOverlaps(_ iv: Interval) -> Bool { contains { $0.overlaps(iv) } }
}

public struct WorkerInfo: Sendable {
    public let id: String
    public let skills: Set<String>
    public let base: Int
    public let contractMinutes: Int?
    public let maxWeeklyMinutes: Int
    public let minWeeklyMinutes: Int
    public let minTotalMinutes: Int
    public let maxTotalMinutes: Int?
    /// Merged absolute availability; nil = always available.
    public let availability: [Interval]?
    public let unavailable: [Interval]
    public let unavailableReasons: [String]
    public let caseloadCap: Int?
    public let caseloadOther: Int
    /// Per shift type: the most shifts of that type over the horizon, nil = no limit.
    public let maxShifts: [Int?]
    public let maxWeekends: Int?
    public let maxConsecutiveDays: Int
    public let minConsecutiveDays: Int
    public let minConsecutiveDaysOff: Int
    public let historyWeekends: Int
    /// Per shift type.
    public let historyShiftCounts: [Int]
    public let requests: [RequestInfo]

    /// Whether the worker has every one of `required` (a session's or a shift's skills).
    @inlinable public func hasSkills(_ required: [String]) -> Bool { required.allSatisfy(skills.contains) }

    public func isAvailable(_ iv: Interval) -> Bool {
        if let a = availability, !a.containsWhole(iv) { return false }
        return !unavailable.anyOverlaps(iv)
    }
}

public struct RequestInfo: Sendable {
    /// Day index (may be outside the horizon).
    public let day: Int
    /// Shift type index; nil = any shift.
    public let shiftType: Int?
    public let on: Bool
    public let weight: Int
}

public struct CaseInfo: Sendable {
    public let id: String
    public let allocatedWorker: Int?
    public let excluded: Set<Int>
    public let needsSkills: [String]
}

public struct VenueInfo: Sendable {
    public let id: String
    public let location: Int
    public let rooms: Int
    /// Merged absolute opening times; nil = always open.
    public let open: [Interval]?
}

public struct SessionInfo: Sendable {
    public let id: String
    public let caseIndex: Int
    public let duration: Int
    public let windows: [Interval]
    public let venues: [Int]
    public let workersNeeded: Int
    /// Session `requiredSkills` and the case's `needsSkills`.
    public let skills: [String]
    public let transportFrom: Int?
    public let reportMinutes: Int
    public let mandatory: Bool
    public let priority: Int
    public let preferred: Set<Int>
    public let pinned: PinInfo?
    /// The objective's cost of leaving this session unassigned.
    public let unassignedCost: Int
}

public struct PinInfo: Sendable, Equatable {
    public let workers: [Int]
    public let start: Int
    public let venue: Int?
}

public struct ShiftTypeInfo: Sendable {
    public let id: String
    public let start: Int
    public let duration: Int
    public let counted: Int
    public let standby: Bool
    public let location: Int?
    public let cannotFollow: Set<Int>
    public let fairness: Bool
}

public struct ShiftInfo: Sendable {
    public let id: String
    public let type: Int
    public let day: Int
    public let interval: Interval
    public let required: Int
    public let min: Int
    public let max: Int
    public let skills: [String]
    public let underWeight: Int
    public let overWeight: Int
    public let pinnedWorkers: [Int]
}

/// A scenario compiled for checking and solving: indices instead of ids, absolute minutes instead
/// of local times, defaults resolved. Built by `Instance.compile`, which validates everything.
public struct Instance: Sendable {
    public let scenario: Scenario
    public let clock: HorizonClock
    public let days: Int
    public let weeks: Int
    public let weekdays: [Weekday]
    public let travel: TravelTable
    public let locationIDs: [String]
    public let locationIndex: [String: Int]
    public let workers: [WorkerInfo]
    public let workerIndex: [String: Int]
    public let cases: [CaseInfo]
    public let caseIndex: [String: Int]
    public let venues: [VenueInfo]
    public let venueIndex: [String: Int]
    public let sessions: [SessionInfo]
    public let sessionIndex: [String: Int]
    public let shiftTypes: [ShiftTypeInfo]
    public let shiftTypeIndex: [String: Int]
    public let shifts: [ShiftInfo]
    public let shiftIndex: [String: Int]
    /// Absolute minute of `freezeBefore`, if any.
    public let freezeBefore: Int?
    public var weights: Weights { scenario.weights }
    public var rules: Rules { scenario.rules }
    /// Shift rostering only: shifts to cover and no sessions to place.
    public var isShiftRostering: Bool { sessions.isEmpty && !shifts.isEmpty }
    /// Mostly shift rostering: at least five shifts to cover for every session to place (the recovery
    /// example: 84 shifts, 4 sessions). Searches that suit shift rostering suit these too.
    public var isMostlyShifts: Bool { !shifts.isEmpty && shifts.count >= 5 * sessions.count }

    /// Week index of a day.
    @inline(__always) public func week(ofDay d: Int) -> Int { d / 7 }

    /// Weekend index of a day when it is a Saturday or a Sunday (weekend of the Saturday before).
    public func weekend(ofDay d: Int) -> Int? {
        guard d >= 0 && d < days else { return nil }
        switch weekdays[d] {
        case .sat: return d
        case .sun: return d - 1
        default: return nil
        }
    }

    /// The local start of an absolute minute as `YYYY-MM-DDTHH:MM`.
    public func format(_ abs: Int) -> String { clock.format(abs) }

    /// The location where a session takes place at venue `venue` (or, with no venue, at the
    /// transport pick-up or the lead worker's base).
    public func sessionLocation(_ s: SessionInfo, venue: Int?, lead: Int) -> Int {
        if let v = venue { return venues[v].location }
        if let t = s.transportFrom { return t }
        return workers[lead].base
    }

    /// A session start is on the grid when the wall-clock minute of day is a multiple of `slotMinutes`.
    public func isOnGrid(_ abs: Int) -> Bool { clock.minuteOfDay(abs) % scenario.slotMinutes == 0 }

    /// Every grid start of session `s` that fits wholly inside one of its windows, in order.
    public func candidateStarts(_ s: SessionInfo) -> [Int] {
        var out: [Int] = []
        for w in s.windows {
            var t = w.start
            // Walk to the first grid point (grid is on wall-clock minutes).
            var guardSteps = 0
            while !isOnGrid(t) && t < w.end && guardSteps < 1440 { t += 1; guardSteps += 1 }
            while t + s.duration <= w.end {
                if isOnGrid(t) { out.append(t) }
                t += scenario.slotMinutes
                if !isOnGrid(t) { // a clock change broke the grid: realign
                    var k = 0
                    while !isOnGrid(t) && k < 1440 { t += 1; k += 1 }
                }
            }
        }
        return Array(Set(out)).sorted()
    }
}
