import RotaModel

/// H10: runs of working days within [min, max] and runs of days off at least the minimum; runs
/// touching the horizon's first or last day are exempt from the minimums.
public struct ConsecutiveDaysRule: HardRule {
    public let id = "H10"
    public let key = "consecutive_days"
    public let title = "Runs of working days and days off"
    public init() {}

    public func check(_ e: Evaluation) -> [Violation] {
        var out: [Violation] = []
        let inst = e.instance
        for (w, worker) in inst.workers.enumerated() {
            for run in Self.runs(e.workingDays[w]) {
                let touchesEdge = run.start == 0 || run.end == inst.days
                let from = inst.clock.date(ofDay: run.start), to = inst.clock.date(ofDay: run.end - 1)
                let len = run.end - run.start
                if run.working {
                    if len > worker.maxConsecutiveDays {
                        out.append(Violation(id, [worker.id], "\(worker.id) works \(len) days in a row (\(from) to \(to)); at most \(worker.maxConsecutiveDays)"))
                    }
                    if !touchesEdge && len < worker.minConsecutiveDays {
                        out.append(Violation(id, [worker.id], "\(worker.id) works a run of \(len) day(s) (\(from) to \(to)); at least \(worker.minConsecutiveDays)"))
                    }
                } else if !touchesEdge && len < worker.minConsecutiveDaysOff {
                    out.append(Violation(id, [worker.id], "\(worker.id) has \(len) day(s) off (\(from) to \(to)); at least \(worker.minConsecutiveDaysOff) in a row"))
                }
            }
        }
        return out
    }

    /// Maximal runs of equal values: `[start, end)` and whether they are working days.
    public static func runs(_ days: [Bool]) -> [(start: Int, end: Int, working: Bool)] {
        var out: [(Int, Int, Bool)] = []
        var i = 0
        while i < days.count {
            var j = i
            while j < days.count && days[j] == days[i] { j += 1 }
            out.append((i, j, days[i]))
            i = j
        }
        return out
    }
}
