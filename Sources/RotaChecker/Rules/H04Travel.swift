import RotaModel

/// H4: for two blocking activities A, B of one worker with B after A, B starts no earlier than
/// A's end plus travel from A's end place to B's start place.
public struct TravelRule: HardRule {
    public let id = "H4"
    public let key = "travel_between_activities"
    public let title = "No overlaps, and time to travel between activities"
    public init() {}

    public func check(_ e: Evaluation) -> [Violation] {
        var out: [Violation] = []
        let travel = e.instance.travel
        for (w, all) in e.activities.enumerated() {
            let acts = all.filter(\.blocking)
            guard acts.count > 1 else { continue }
            for j in 0..<acts.count {
                let b = acts[j]
                for i in 0..<j {
                    let a = acts[i]
                    let need = travel.minutes(a.endLocation, b.startLocation)
                    if b.interval.start < a.interval.end + need {
                        let gap = b.interval.start - a.interval.end
                        let gapText = gap < 0 ? "overlaps by \(-gap) min" : "has \(gap) min between"
                        out.append(Violation(id, [e.name(a), e.name(b), e.workerID(w)],
                            "\(e.workerID(w)) \(gapText) \(e.describe(a)) at \(e.locationName(a.endLocation)) and \(e.describe(b)) at \(e.locationName(b.startLocation)), and needs \(need) min travel"))
                    }
                }
            }
        }
        return out
    }
}
