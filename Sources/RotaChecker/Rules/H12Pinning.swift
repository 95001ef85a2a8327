import RotaModel

/// H12: pinned sessions and shift workers are kept; so are baseline assignments starting before `freezeBefore`.
public struct PinningRule: HardRule {
    public let id = "H12"
    public let key = "pinned_and_frozen"
    public let title = "Pinned and frozen work stays as it is"
    public init() {}

    static func same(_ a: SessionPlacement?, _ b: SessionPlacement?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.start == b.start && a.venue == b.venue && a.workers.first == b.workers.first && Set(a.workers) == Set(b.workers)
            && a.workers.count == b.workers.count
    }

    public func check(_ e: Evaluation) -> [Violation] {
        var out: [Violation] = []
        let inst = e.instance
        for (s, info) in inst.sessions.enumerated() {
            guard let pin = info.pinned else { continue }
            let want = SessionPlacement(workers: pin.workers, start: pin.start, venue: pin.venue)
            if !Self.same(e.assignment.sessions[s], want) {
                out.append(Violation(id, [info.id], "\(info.id) is pinned to \(pin.workers.map { inst.workers[$0].id }.joined(separator: ", ")) at \(e.time(pin.start))\(pin.venue.map { " at " + inst.venues[$0].id } ?? "") and must stay so"))
            }
        }
        for (h, shift) in inst.shifts.enumerated() {
            for w in shift.pinnedWorkers where !e.assignment.shiftWorkers[h].contains(w) {
                out.append(Violation(id, [shift.id, inst.workers[w].id], "\(inst.workers[w].id) is pinned to \(shift.id) and must stay on it"))
            }
        }
        if let freeze = inst.freezeBefore, let base = Assignment.baseline(of: inst) {
            for (s, b) in base.sessions.enumerated() {
                guard let b, b.start < freeze else { continue }
                if !Self.same(e.assignment.sessions[s], b) {
                    out.append(Violation(id, [inst.sessions[s].id], "\(inst.sessions[s].id) starts before the freeze (\(e.time(freeze))) and must stay as published: \(b.workers.map { inst.workers[$0].id }.joined(separator: ", ")) at \(e.time(b.start))"))
                }
            }
            for (h, shift) in inst.shifts.enumerated() where shift.interval.start < freeze {
                if Set(base.shiftWorkers[h]) != Set(e.assignment.shiftWorkers[h]) {
                    out.append(Violation(id, [shift.id], "\(shift.id) starts before the freeze (\(e.time(freeze))) and must keep exactly its published workers (\(base.shiftWorkers[h].map { inst.workers[$0].id }.joined(separator: ", ")))"))
                }
            }
        }
        return out
    }
}
