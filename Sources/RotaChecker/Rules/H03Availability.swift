import RotaModel

/// H3: blocking activities lie inside an availability window and outside every unavailable period;
/// standby shifts lie outside every unavailable period.
public struct AvailabilityRule: HardRule {
    public let id = "H3"
    public let key = "availability"
    public let title = "Workers work only when available and not on leave"
    public init() {}

    public func check(_ e: Evaluation) -> [Violation] {
        var out: [Violation] = []
        for (w, acts) in e.activities.enumerated() {
            let worker = e.instance.workers[w]
            for a in acts {
                if a.blocking, let avail = worker.availability, !avail.containsWhole(a.interval) {
                    out.append(Violation(id, [e.name(a), worker.id], "\(worker.id) is not available for all of \(e.describe(a))"))
                }
                for (k, u) in worker.unavailable.enumerated() where u.overlaps(a.interval) {
                    out.append(Violation(id, [e.name(a), worker.id], "\(worker.id) is unavailable (\(worker.unavailableReasons[k])) \(e.time(u.start)) to \(e.time(u.end)), during \(e.describe(a))"))
                }
            }
        }
        return out
    }
}
