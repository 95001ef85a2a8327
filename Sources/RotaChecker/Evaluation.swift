import RotaModel

/// One thing a worker does: a session (with the lead's transport legs) or a shift.
public struct Activity: Sendable {
    public enum Kind: Sendable, Equatable { case session(Int), shift(Int) }
    public var kind: Kind
    public var interval: Interval
    public var startLocation: Int
    public var endLocation: Int
    /// Sessions and non-standby shifts block time and place; standby shifts do not.
    public var blocking: Bool
    /// The horizon day the activity belongs to.
    public var day: Int
    /// Working minutes, excluding the day's route travel.
    public var minutes: Int
    /// Whether this worker leads the session.
    public var isLead: Bool
}

/// Everything the rules and the objective need, derived once from an instance and an assignment.
public struct Evaluation: Sendable {
    public let instance: Instance
    public let assignment: Assignment
    /// Per worker: activities sorted by start.
    public let activities: [[Activity]]
    /// Per worker, per day: route travel minutes and km (base → activities → base).
    public let routeMinutes: [[Int]]
    public let routeKm: [[Double]]
    /// Per worker, per week: working minutes (activities by their day + route travel).
    public let weekMinutes: [[Int]]
    /// Per worker, per day: works (a blocking activity or any shift starts that day).
    public let workingDays: [[Bool]]
    /// Per worker, per day: shifts worked that day.
    public let shiftsOnDay: [[[Int]]]
    /// Per worker, per shift type: shifts worked in the horizon.
    public let shiftCounts: [[Int]]
    /// Per worker: weekends (by Saturday day index) worked in the horizon.
    public let weekendsWorked: [Set<Int>]

    public init(instance: Instance, assignment: Assignment) {
        self.instance = instance
        self.assignment = assignment
        let nW = instance.workers.count, days = instance.days
        var acts = [[Activity]](repeating: [], count: nW)
        for (s, placement) in assignment.sessions.enumerated() {
            guard let p = placement, !p.workers.isEmpty else { continue }
            let info = instance.sessions[s]
            let lead = p.workers[0]
            let loc = instance.sessionLocation(info, venue: p.venue, lead: lead)
            let day = instance.clock.dayIndex(of: p.start)
            let sessionIV = Interval(p.start, p.start + info.duration)
            for (k, w) in p.workers.enumerated() where w >= 0 && w < nW {
                if k == 0, let from = info.transportFrom {
                    let iv = Interval(p.start - instance.travel.minutes(from, loc),
                                      sessionIV.end + instance.travel.minutes(loc, from))
                    acts[w].append(Activity(kind: .session(s), interval: iv, startLocation: from, endLocation: from,
                                            blocking: true, day: day, minutes: iv.length + info.reportMinutes, isLead: true))
                } else {
                    acts[w].append(Activity(kind: .session(s), interval: sessionIV, startLocation: loc, endLocation: loc,
                                            blocking: true, day: day,
                                            minutes: info.duration + (k == 0 ? info.reportMinutes : 0), isLead: k == 0))
                }
            }
        }
        for (h, workers) in assignment.shiftWorkers.enumerated() {
            let shift = instance.shifts[h]
            let type = instance.shiftTypes[shift.type]
            for w in workers where w >= 0 && w < nW {
                let loc = type.location ?? instance.workers[w].base
                acts[w].append(Activity(kind: .shift(h), interval: shift.interval, startLocation: loc, endLocation: loc,
                                        blocking: !type.standby, day: shift.day, minutes: type.counted, isLead: true))
            }
        }
        var routeMin = [[Int]](repeating: [Int](repeating: 0, count: days), count: nW)
        var routeKm = [[Double]](repeating: [Double](repeating: 0, count: days), count: nW)
        var weekMin = [[Int]](repeating: [Int](repeating: 0, count: instance.weeks), count: nW)
        var working = [[Bool]](repeating: [Bool](repeating: false, count: days), count: nW)
        var onDay = [[[Int]]](repeating: [[Int]](repeating: [], count: days), count: nW)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: instance.shiftTypes.count), count: nW)
        var weekends = [Set<Int>](repeating: [], count: nW)
        for w in 0..<nW {
            acts[w].sort { ($0.interval.start, $0.interval.end) < ($1.interval.start, $1.interval.end) }
            let base = instance.workers[w].base
            var lastLoc = [Int](repeating: -1, count: days)
            for a in acts[w] {
                let inHorizon = a.day >= 0 && a.day < days
                if inHorizon {
                    weekMin[w][instance.week(ofDay: a.day)] += a.minutes
                    working[w][a.day] = true
                    if let we = instance.weekend(ofDay: a.day) { weekends[w].insert(we) }
                }
                if case .shift(let h) = a.kind {
                    counts[w][instance.shifts[h].type] += 1
                    if inHorizon { onDay[w][a.day].append(h) }
                }
                guard a.blocking, inHorizon else { continue }
                let from = lastLoc[a.day] < 0 ? base : lastLoc[a.day]
                routeMin[w][a.day] += instance.travel.minutes(from, a.startLocation)
                routeKm[w][a.day] += instance.travel.km(from, a.startLocation)
                lastLoc[a.day] = a.endLocation
            }
            for d in 0..<days where lastLoc[d] >= 0 {
                routeMin[w][d] += instance.travel.minutes(lastLoc[d], base)
                routeKm[w][d] += instance.travel.km(lastLoc[d], base)
                weekMin[w][instance.week(ofDay: d)] += routeMin[w][d]
            }
        }
        activities = acts
        routeMinutes = routeMin
        self.routeKm = routeKm
        weekMinutes = weekMin
        workingDays = working
        shiftsOnDay = onDay
        shiftCounts = counts
        weekendsWorked = weekends
    }

    // MARK: Naming helpers for messages

    public func workerID(_ w: Int) -> String { instance.workers[w].id }
    public func time(_ abs: Int) -> String { instance.format(abs) }
    public func clock(_ abs: Int) -> String { formatClockTime(instance.clock.minuteOfDay(abs)) }
    public func locationName(_ l: Int) -> String { instance.locationIDs[l] }

    public func name(_ a: Activity) -> String {
        switch a.kind {
        case .session(let s): return instance.sessions[s].id
        case .shift(let h): return instance.shifts[h].id
        }
    }

    public func describe(_ a: Activity) -> String {
        "\(name(a)) (\(time(a.interval.start))-\(clock(a.interval.end)))"
    }
}
