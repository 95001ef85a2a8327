import RotaModel

/// H8: rest of `minRestMinutes` between blocking activities on different days; forbidden shift successions.
public struct RestRule: HardRule {
    public let id = "H8"
    public let key = "rest"
    public let title = "Rest between working days, and allowed shift successions"
    public init() {}

    public func check(_ e: Evaluation) -> [Violation] {
        var out: [Violation] = []
        let inst = e.instance
        let rest = inst.rules.minRestMinutes
        for (w, all) in e.activities.enumerated() {
            let acts = all.filter(\.blocking)
            for j in acts.indices {
                let b = acts[j]
                for i in 0..<j {
                    let a = acts[i]
                    guard b.day > a.day else { continue }
                    let gap = b.interval.start - a.interval.end
                    if gap < rest {
                        out.append(Violation(id, [e.name(a), e.name(b), e.workerID(w)],
                            "\(e.workerID(w)) rests \(gap) min between \(e.describe(a)) and \(e.describe(b)); needs \(rest)"))
                    }
                }
            }
            for d in 0..<max(0, inst.days - 1) {
                for h1 in e.shiftsOnDay[w][d] {
                    let t1 = inst.shiftTypes[inst.shifts[h1].type]
                    for h2 in e.shiftsOnDay[w][d + 1] where t1.cannotFollow.contains(inst.shifts[h2].type) {
                        out.append(Violation(id, [inst.shifts[h1].id, inst.shifts[h2].id, e.workerID(w)],
                            "\(e.workerID(w)) works \(inst.shifts[h2].id) the day after \(inst.shifts[h1].id), and \(inst.shiftTypes[inst.shifts[h2].type].id) cannot follow \(t1.id)"))
                    }
                }
            }
        }
        return out
    }
}
