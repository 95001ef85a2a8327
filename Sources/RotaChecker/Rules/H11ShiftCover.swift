import RotaModel

/// H11: each shift has between `min` and `max` distinct workers, each with the shift's skills.
public struct ShiftCoverRule: HardRule {
    public let id = "H11"
    public let key = "shift_staffing"
    public let title = "Shifts have between min and max skilled workers"
    public init() {}

    public func check(_ e: Evaluation) -> [Violation] {
        var out: [Violation] = []
        let inst = e.instance
        for (h, ws) in e.assignment.shiftWorkers.enumerated() {
            let shift = inst.shifts[h]
            if ws.count < shift.min {
                out.append(Violation(id, [shift.id], "\(shift.id) has \(ws.count) worker(s); at least \(shift.min)"))
            }
            if ws.count > shift.max {
                out.append(Violation(id, [shift.id], "\(shift.id) has \(ws.count) worker(s); at most \(shift.max)"))
            }
            if Set(ws).count != ws.count {
                out.append(Violation(id, [shift.id], "\(shift.id) names the same worker twice"))
            }
            for w in Set(ws).sorted() {
                let missing = shift.skills.filter { !inst.workers[w].skills.contains($0) }
                if !missing.isEmpty {
                    out.append(Violation(id, [shift.id, inst.workers[w].id], "\(inst.workers[w].id) lacks \(missing.joined(separator: ", ")) needed for \(shift.id)"))
                }
            }
        }
        return out
    }
}
