import RotaModel

/// C1 (optional): a rest break. When a stretch of work runs past `restBreakAfterMinutes` (6 hours),
/// it must contain a gap of at least `restBreakMinutes` (20) between activities, net of the travel
/// between them. A stretch is a run of a worker's blocking activities on one day (transport legs
/// included) whose gaps, net of travel, are shorter than the break; a single activity (a shift)
/// longer than the threshold is taken to carry its own break, so only stretches of two or more
/// activities are flagged. Off unless the scenario's `compliance.restBreakMinutes` is set.
public struct RestBreakRule: HardRule {
    public let id = "C1"
    public let key = "rest_break"
    public let title = "A rest break when a working day runs past 6 hours (optional)"
    public init() {}

    public func check(_ e: Evaluation) -> [Violation] {
        guard let c = e.instance.scenario.compliance, let brk = c.restBreakMinutes else { return [] }
        let inst = e.instance
        var out: [Violation] = []
        for (w, worker) in inst.workers.enumerated() {
            for d in 0..<inst.days {
                let acts = e.activities[w].filter { $0.blocking && $0.day == d }
                guard acts.count > 1 else { continue }
                var first = acts[0], last = acts[0], count = 1
                func close() {
                    let span = last.interval.end - first.interval.start
                    if count > 1 && span > c.restBreakAfterMinutes {
                        out.append(Violation(id, [worker.id], "\(worker.id) works \(e.time(first.interval.start))-\(e.clock(last.interval.end)) (\(span) min, from \(e.name(first)) to \(e.name(last))) with no break of \(brk) min; a day past \(c.restBreakAfterMinutes) min needs one"))
                    }
                }
                for a in acts.dropFirst() {
                    let gap = a.interval.start - last.interval.end - inst.travel.minutes(last.endLocation, a.startLocation)
                    if gap >= brk {
                        close()
                        first = a; last = a; count = 1
                    } else {
                        if a.interval.end > last.interval.end { last = a }
                        count += 1
                    }
                }
                close()
            }
        }
        return out
    }
}

/// C2 (optional): average weekly working minutes over a reference period of `referenceWeeks`
/// (17) weeks at most `averageWeeklyMaxMinutes` (2880, the 48-hour average). For each week of the
/// horizon, the period is the last `referenceWeeks` weeks ending with it: the worker's
/// `history.pastWeekMinutes` (oldest first) followed by the horizon's weeks (H7's working minutes).
/// When fewer weeks are known, the average is over the weeks known. Off unless the scenario's
/// `compliance.averageWeeklyMaxMinutes` is set.
public struct AverageWeeklyMinutesRule: HardRule {
    public let id = "C2"
    public let key = "average_weekly_minutes"
    public let title = "Average weekly working time over the reference period (optional)"
    public init() {}

    public func check(_ e: Evaluation) -> [Violation] {
        guard let c = e.instance.scenario.compliance, let cap = c.averageWeeklyMaxMinutes else { return [] }
        var out: [Violation] = []
        for (w, info) in e.instance.workers.enumerated() {
            let past = e.instance.scenario.workers[w].history.pastWeekMinutes
            let series = past + e.weekMinutes[w]
            for k in e.weekMinutes[w].indices {
                let end = past.count + k + 1
                let window = series[max(0, end - c.referenceWeeks)..<end]
                let total = window.reduce(0, +)
                // average > cap  ⇔  total > cap × weeks (whole numbers, exact).
                if total > cap * window.count {
                    out.append(Violation(id, [info.id], "\(info.id) averages \(total / window.count) min a week over the \(window.count) week(s) to week \(k + 1), over \(cap)"))
                }
            }
        }
        return out
    }
}

/// The optional rules, checked only when the scenario's `compliance` enables them.
public let optionalRules: [any HardRule] = [RestBreakRule(), AverageWeeklyMinutesRule()]

extension Checker {
    /// Violations of the optional compliance rules; empty when the scenario enables none, so
    /// documents without `compliance` keep every verdict.
    public static func optionalViolations(_ e: Evaluation) -> [Violation] {
        guard e.instance.scenario.compliance != nil else { return [] }
        return optionalRules.flatMap { $0.check(e) }
    }
}
