import RotaModel

/// H2: exactly `workersNeeded` distinct workers with the skills, none excluded; a driver leads a session with transport.
public struct SessionStaffingRule: HardRule {
    public let id = "H2"
    public let key = "session_staffing"
    public let title = "Sessions have the right number of distinct, skilled, allowed workers"
    public init() {}

    public func check(_ e: Evaluation) -> [Violation] {
        var out: [Violation] = []
        let inst = e.instance
        for (s, p) in e.assignment.sessions.enumerated() {
            guard let p else { continue }
            let info = inst.sessions[s]
            if p.workers.count != info.workersNeeded {
                out.append(Violation(id, [info.id], "\(info.id) has \(p.workers.count) worker(s) but needs \(info.workersNeeded)"))
            }
            if Set(p.workers).count != p.workers.count {
                out.append(Violation(id, [info.id], "\(info.id) names the same worker twice"))
            }
            let excluded = inst.cases[info.caseIndex].excluded
            for w in Set(p.workers).sorted() {
                let worker = inst.workers[w]
                let missing = info.skills.filter { !worker.skills.contains($0) }
                if !missing.isEmpty {
                    out.append(Violation(id, [info.id, worker.id], "\(worker.id) lacks \(missing.joined(separator: ", ")) needed by \(info.id)"))
                }
                if excluded.contains(w) {
                    out.append(Violation(id, [info.id, worker.id], "\(worker.id) is excluded from case \(inst.cases[info.caseIndex].id) of \(info.id)"))
                }
            }
            if info.transportFrom != nil, let lead = p.workers.first, !inst.workers[lead].skills.contains("driver") {
                out.append(Violation(id, [info.id, inst.workers[lead].id], "\(info.id) has transport but its lead \(inst.workers[lead].id) is not a driver"))
            }
        }
        return out
    }
}
