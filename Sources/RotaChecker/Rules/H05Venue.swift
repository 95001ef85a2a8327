import RotaModel

/// H5: a session lies inside one of its venue's opening windows; no venue runs more sessions at once than it has rooms.
public struct VenueRule: HardRule {
    public let id = "H5"
    public let key = "venue_hours_and_rooms"
    public let title = "Venues are open and have a free room"
    public init() {}

    public func check(_ e: Evaluation) -> [Violation] {
        var out: [Violation] = []
        let inst = e.instance
        var byVenue = [[(Interval, Int)]](repeating: [], count: inst.venues.count)
        for (s, p) in e.assignment.sessions.enumerated() {
            guard let p, let v = p.venue else { continue }
            let info = inst.sessions[s]
            let iv = Interval(p.start, p.start + info.duration)
            byVenue[v].append((iv, s))
            if let open = inst.venues[v].open, !open.containsWhole(iv) {
                out.append(Violation(id, [info.id, inst.venues[v].id], "\(inst.venues[v].id) is not open for all of \(info.id) (\(e.time(iv.start))-\(e.clock(iv.end)))"))
            }
        }
        for (v, list) in byVenue.enumerated() where list.count > inst.venues[v].rooms {
            // Sweep: +1 at start, -1 at end (ends before starts at the same minute).
            var events: [(Int, Int, Int)] = []
            for (iv, s) in list { events.append((iv.start, 1, s)); events.append((iv.end, -1, s)) }
            events.sort { ($0.0, $0.1) < ($1.0, $1.1) }
            var running = Set<Int>()
            var reported = false
            for (t, delta, s) in events {
                if delta < 0 { running.remove(s); reported = false; continue }
                running.insert(s)
                if running.count > inst.venues[v].rooms && !reported {
                    let ids = running.map { inst.sessions[$0].id }.sorted()
                    out.append(Violation(id, [inst.venues[v].id] + ids, "\(inst.venues[v].id) has \(inst.venues[v].rooms) room(s) but \(running.count) sessions run at \(e.time(t)): \(ids.joined(separator: ", "))"))
                    reported = true
                }
            }
        }
        return out
    }
}
