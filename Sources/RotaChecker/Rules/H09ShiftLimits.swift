import RotaModel

/// H9: shifts per day, shifts of each type over the horizon, and weekends worked within limits.
public struct ShiftLimitsRule: HardRule {
    public let id = "H9"
    public let key = "shift_and_weekend_limits"
    public let title = "Shifts a day, shifts of a type, and weekends within limits"
    public init() {}

    public func check(_ e: Evaluation) -> [Violation] {
        var out: [Violation] = []
        let inst = e.instance
        for (w, worker) in inst.workers.enumerated() {
            for d in 0..<inst.days where e.shiftsOnDay[w][d].count > inst.rules.maxShiftsPerDay {
                let ids = e.shiftsOnDay[w][d].map { inst.shifts[$0].id }
                out.append(Violation(id, [worker.id] + ids, "\(worker.id) works \(ids.count) shifts on \(inst.clock.date(ofDay: d)) (\(ids.joined(separator: ", "))); at most \(inst.rules.maxShiftsPerDay) a day"))
            }
            for (t, limit) in worker.maxShifts.enumerated() {
                if let limit, e.shiftCounts[w][t] > limit {
                    out.append(Violation(id, [worker.id, inst.shiftTypes[t].id], "\(worker.id) works \(e.shiftCounts[w][t]) \(inst.shiftTypes[t].id) shifts; at most \(limit)"))
                }
            }
            if let mw = worker.maxWeekends, e.weekendsWorked[w].count + worker.historyWeekends > mw {
                out.append(Violation(id, [worker.id], "\(worker.id) works \(e.weekendsWorked[w].count) weekend(s) here and \(worker.historyWeekends) before; at most \(mw)"))
            }
        }
        return out
    }
}
