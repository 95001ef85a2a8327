import RotaModel

/// H7: weekly working minutes within [minMinutes, maxMinutes]; horizon total within [minTotalMinutes, maxTotalMinutes].
public struct WorkingMinutesRule: HardRule {
    public let id = "H7"
    public let key = "working_minutes"
    public let title = "Weekly and total working minutes within limits"
    public init() {}

    public func check(_ e: Evaluation) -> [Violation] {
        var out: [Violation] = []
        for (w, worker) in e.instance.workers.enumerated() {
            for (k, m) in e.weekMinutes[w].enumerated() {
                if m > worker.maxWeeklyMinutes {
                    out.append(Violation(id, [worker.id], "\(worker.id) works \(m) min in week \(k + 1), over the limit of \(worker.maxWeeklyMinutes)"))
                }
                if m < worker.minWeeklyMinutes {
                    out.append(Violation(id, [worker.id], "\(worker.id) works \(m) min in week \(k + 1), under the minimum of \(worker.minWeeklyMinutes)"))
                }
            }
            let total = e.weekMinutes[w].reduce(0, +)
            if let mx = worker.maxTotalMinutes, total > mx {
                out.append(Violation(id, [worker.id], "\(worker.id) works \(total) min over the horizon, over the limit of \(mx)"))
            }
            if total < worker.minTotalMinutes {
                out.append(Violation(id, [worker.id], "\(worker.id) works \(total) min over the horizon, under the minimum of \(worker.minTotalMinutes)"))
            }
        }
        return out
    }
}
