/// The scenario document, `rota-scenario/1`, with every default of the spec filled in.
/// Field names and meanings follow `rota-model.md` exactly; see docs/model-extensions.md for the
/// project's additions.
public struct Scenario: Sendable {
    public var format: String = "rota-scenario/1"
    public var name: String = ""
    public var timeZone: String = "Europe/London"
    public var horizon: Horizon
    public var slotMinutes: Int = 15
    public var travel: TravelSettings = .init()
    public var travelMatrix: [TravelEntry] = []
    public var rules: Rules = .init()
    public var weights: Weights = .init()
    public var locations: [Location] = []
    public var venues: [Venue] = []
    public var workers: [Worker] = []
    public var cases: [Case] = []
    public var sessions: [Session] = []
    public var shiftTypes: [ShiftType] = []
    public var shifts: [Shift] = []
    public var baseline: SolutionDocument?
    public var freezeBefore: LocalDateTime?
    /// Optional compliance rules (C1, C2); nil: none enabled (see docs/workflows.md).
    public var compliance: Compliance?

    public init(horizon: Horizon) { self.horizon = horizon }
}

/// Optional working-time compliance rules, off unless the scenario has a `compliance` object.
/// C1 (rest break) is on when `restBreakMinutes` is given; C2 (average weekly working time over
/// a reference period, with each worker's `history.pastWeekMinutes`) when `averageWeeklyMaxMinutes` is.
public struct Compliance: Sendable, Equatable {
    public var restBreakMinutes: Int?
    public var restBreakAfterMinutes = 360
    public var averageWeeklyMaxMinutes: Int?
    public var referenceWeeks = 17
    public init() {}
}

public struct Horizon: Sendable, Equatable {
    public var start: LocalDate
    public var days: Int
    public init(start: LocalDate, days: Int) { self.start = start; self.days = days }
}

public struct TravelSettings: Sendable, Equatable {
    public var speedKmh: Double = 40
    public var roadFactor: Double = 1.3
    public init(speedKmh: Double = 40, roadFactor: Double = 1.3) {
        self.speedKmh = speedKmh; self.roadFactor = roadFactor
    }
}

public struct TravelEntry: Sendable, Equatable {
    public var from: String
    public var to: String
    public var minutes: Int
    public var km: Double?
    public init(from: String, to: String, minutes: Int, km: Double?) {
        self.from = from; self.to = to; self.minutes = minutes; self.km = km
    }
}

public struct Rules: Sendable, Equatable {
    public var maxWeeklyMinutes = 2880
    public var minRestMinutes = 660
    public var maxConsecutiveDays = 6
    public var minConsecutiveDays = 1
    public var minConsecutiveDaysOff = 1
    public var maxShiftsPerDay = 1
    public init() {}
}

public struct Weights: Sendable, Equatable {
    public var unassignedSession = 1000
    public var unassignedMandatory = 100_000
    public var continuity = 100
    public var preference = 20
    public var travelMinute = 1
    public var overtimeMinute = 2
    public var fairness = 50
    public var change = 200
    public init() {}
}

public struct Location: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var lat: Double
    public var lon: Double
    public init(id: String, name: String? = nil, lat: Double, lon: Double) {
        self.id = id; self.name = name; self.lat = lat; self.lon = lon
    }
}

/// A weekly recurring window: on each of `days`, from `from` to `to` (minutes since midnight;
/// `to` may be 1440 for `24:00`).
public struct WeeklyWindow: Sendable, Equatable {
    public var days: [Weekday]
    public var from: Int
    public var to: Int
    public init(days: [Weekday], from: Int, to: Int) { self.days = days; self.from = from; self.to = to }
}

public struct Venue: Sendable, Equatable {
    public var id: String
    public var location: String
    public var name: String?
    public var rooms: Int = 1
    /// nil means always open.
    public var open: [WeeklyWindow]?
    public init(id: String, location: String) { self.id = id; self.location = location }
}

/// A period with a start and an end in local time (`[from, to)`).
public struct Period: Sendable, Equatable {
    public var from: LocalDateTime
    public var to: LocalDateTime
    public var reason: String?
    public init(from: LocalDateTime, to: LocalDateTime, reason: String? = nil) {
        self.from = from; self.to = to; self.reason = reason
    }
}

public struct WorkerHistory: Sendable, Equatable {
    public var weekendsWorked = 0
    public var shiftCounts: [String: Int] = [:]
    /// Working minutes of the weeks before the horizon, oldest first (for the optional rule C2).
    public var pastWeekMinutes: [Int] = []
    public init() {}
}

public struct ShiftRequest: Sendable, Equatable {
    public var date: LocalDate
    /// nil means any shift.
    public var shiftType: String?
    public var on: Bool = false
    public var weight: Int = 3
    public init(date: LocalDate, shiftType: String?, on: Bool, weight: Int) {
        self.date = date; self.shiftType = shiftType; self.on = on; self.weight = weight
    }
}

public struct Worker: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var skills: [String] = []
    public var base: String
    /// nil: no overtime term for this worker.
    public var contractMinutes: Int?
    /// nil: `rules.maxWeeklyMinutes`.
    public var maxMinutes: Int?
    public var minMinutes = 0
    public var minTotalMinutes = 0
    public var maxTotalMinutes: Int?
    /// nil means available at all times.
    public var availability: [WeeklyWindow]?
    public var unavailable: [Period] = []
    public var caseloadCap: Int?
    public var caseloadOther = 0
    public var maxShifts: [String: Int] = [:]
    public var maxWeekends: Int?
    public var maxConsecutiveDays: Int?
    public var minConsecutiveDays: Int?
    public var minConsecutiveDaysOff: Int?
    public var history = WorkerHistory()
    public var requests: [ShiftRequest] = []
    public init(id: String, base: String) { self.id = id; self.base = base }
}

public struct Case: Sendable, Equatable {
    public var id: String
    /// Personal data: for the coordinator's eyes only, never exported.
    public var name: String?
    public var allocatedWorker: String?
    public var excludedWorkers: [String] = []
    public var needsSkills: [String] = []
    public init(id: String) { self.id = id }
}

public struct TimeWindow: Sendable, Equatable {
    public var from: LocalDateTime
    public var to: LocalDateTime
    public init(from: LocalDateTime, to: LocalDateTime) { self.from = from; self.to = to }
}

public struct Pin: Sendable, Equatable {
    public var workers: [String]
    public var start: LocalDateTime
    public var venue: String?
    public init(workers: [String], start: LocalDateTime, venue: String?) {
        self.workers = workers; self.start = start; self.venue = venue
    }
}

public struct Session: Sendable, Equatable {
    public var id: String
    public var `case`: String
    public var durationMinutes: Int
    public var windows: [TimeWindow]
    public var venues: [String] = []
    public var workersNeeded = 1
    public var requiredSkills: [String] = []
    /// The location the child is collected from and taken back to, when the session has transport.
    public var transportFrom: String?
    public var reportMinutes = 0
    public var mandatory = false
    public var priority = 1
    public var preferredWorkers: [String] = []
    public var pinned: Pin?
    public init(id: String, case caseID: String, durationMinutes: Int, windows: [TimeWindow]) {
        self.id = id; self.case = caseID; self.durationMinutes = durationMinutes; self.windows = windows
    }
}

public struct ShiftType: Sendable, Equatable {
    public var id: String
    public var name: String?
    /// Minutes since midnight.
    public var start: Int
    public var durationMinutes: Int
    /// nil: counts its `durationMinutes`.
    public var countedMinutes: Int?
    public var standby = true
    public var location: String?
    public var cannotFollow: [String] = []
    public var fairness = true
    public init(id: String, start: Int, durationMinutes: Int) {
        self.id = id; self.start = start; self.durationMinutes = durationMinutes
    }
    public var counted: Int { countedMinutes ?? durationMinutes }
}

public struct Shift: Sendable, Equatable {
    public var id: String
    public var type: String
    public var date: LocalDate
    public var required = 1
    public var min = 1
    public var max = 1
    public var requiredSkills: [String] = []
    public var underWeight = 1000
    public var overWeight = 0
    public var pinnedWorkers: [String] = []
    public init(id: String, type: String, date: LocalDate) { self.id = id; self.type = type; self.date = date }
}
