import RotaModel

/// H1: an assigned session starts on the slot grid and lies wholly inside one of its windows, at one of its venues.
public struct SessionPlacementRule: HardRule {
    public let id = "H1"
    public let key = "session_placement"
    public let title = "Sessions start on the grid, inside a window, at one of their venues"
    public init() {}

    public func check(_ e: Evaluation) -> [Violation] {
        var out: [Violation] = []
        let inst = e.instance
        for (s, p) in e.assignment.sessions.enumerated() {
            guard let p else { continue }
            let info = inst.sessions[s]
            if !inst.isOnGrid(p.start) {
                out.append(Violation(id, [info.id], "\(info.id) starts at \(e.time(p.start)), off the \(inst.scenario.slotMinutes)-minute grid"))
            }
            let iv = Interval(p.start, p.start + info.duration)
            if !info.windows.contains(where: { $0.contains(iv) }) {
                let ws = info.windows.map { "\(e.time($0.start))-\(e.clock($0.end))" }.joined(separator: ", ")
                out.append(Violation(id, [info.id], "\(info.id) runs \(e.time(iv.start))-\(e.clock(iv.end)), not wholly inside a window (\(ws))"))
            }
            if info.venues.isEmpty {
                if let v = p.venue {
                    out.append(Violation(id, [info.id, inst.venues[v].id], "\(info.id) needs no venue but is placed at \(inst.venues[v].id)"))
                }
            } else if let v = p.venue {
                if !info.venues.contains(v) {
                    out.append(Violation(id, [info.id, inst.venues[v].id], "\(info.id) is placed at \(inst.venues[v].id), which is not one of its venues (\(info.venues.map { inst.venues[$0].id }.joined(separator: ", ")))"))
                }
            } else {
                out.append(Violation(id, [info.id], "\(info.id) has no venue; it must be at one of \(info.venues.map { inst.venues[$0].id }.joined(separator: ", "))"))
            }
        }
        return out
    }
}
