import RotaModel

/// H6: caseloads stay within caps; every case with an assigned session has an allocated worker.
public struct CaseloadRule: HardRule {
    public let id = "H6"
    public let key = "caseload"
    public let title = "Caseloads within caps; every case in the rota has an allocated worker"
    public init() {}

    public func check(_ e: Evaluation) -> [Violation] {
        var out: [Violation] = []
        let inst = e.instance
        var load = inst.workers.map(\.caseloadOther)
        for c in inst.cases.indices {
            if let w = e.assignment.allocatedWorker(ofCase: c, in: inst) { load[w] += 1 }
        }
        for (w, worker) in inst.workers.enumerated() {
            if let cap = worker.caseloadCap, load[w] > cap {
                out.append(Violation(id, [worker.id], "\(worker.id) would hold \(load[w]) cases (\(worker.caseloadOther) elsewhere), over the cap of \(cap)"))
            }
        }
        var reported = Set<Int>()
        for (s, p) in e.assignment.sessions.enumerated() where p != nil {
            let c = inst.sessions[s].caseIndex
            if e.assignment.allocatedWorker(ofCase: c, in: inst) == nil && reported.insert(c).inserted {
                out.append(Violation(id, [inst.cases[c].id, inst.sessions[s].id], "case \(inst.cases[c].id) has sessions in the rota (\(inst.sessions[s].id)) but no allocated worker"))
            }
        }
        return out
    }
}
