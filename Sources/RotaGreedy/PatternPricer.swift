import RotaModel
import RotaChecker

/// One worker's shifts over the horizon, with the objective terms that are the worker's own
/// (requests, baseline changes, travel, overtime): a column of the set-partitioning master that
/// column generation (`RotaColumns`) solves.
public struct ShiftPattern: Sendable, Hashable {
    public var worker: Int
    /// Shift indices, in day order.
    public var shifts: [Int]
    /// The worker's own objective terms for these shifts (everything but cover).
    public var own: Int
}

/// Prices shift patterns for column generation: the best plan of one worker against dual prices
/// on the shifts, by the pattern move's dynamic programme (`planPatternPriced`) with the prices in
/// place of the cover change and the minimum rules at a weight no dual can outbid.
///
/// The decomposition is exact, and its bound valid, only on pure shift rostering: no sessions, no
/// fairness terms (they couple workers), no baseline, nothing pinned or frozen. `inapplicable` says
/// why when it is not.
public final class PatternPricer {
    public let instance: Instance
    let e: Engine
    let ls: LocalSearch
    /// Dual prices are scaled by this and rounded to whole numbers inside the dynamic programme.
    public static let scale = 10_000
    /// The weight of a minimum rule's shortfall in pricing: far above any plan's scaled cost.
    static let minimumWeight = 1 << 40
    /// Labels one exact pricing may make before it falls back to the beam (about 0.1-0.2 s).
    public var exactLabelLimit = 300_000
    /// Labels kept per key in beam pricing.
    public var beamWidth = 6

    public init(_ instance: Instance) {
        self.instance = instance
        e = Engine(instance)
        ls = LocalSearch(e, seed: 0, lambda: Self.minimumWeight)
    }

    /// Why column generation does not model this instance exactly; nil when it does.
    public lazy var inapplicable: String? = {
        if !instance.sessions.isEmpty { return "the scenario has sessions" }
        if e.D == 0 || instance.shifts.isEmpty { return "the scenario has no shifts" }
        if e.wt.fairness > 0 && e.fairElig.contains(where: { !$0.isEmpty }) { return "fairness couples the workers" }
        if e.baseline != nil { return "a baseline rota is given" }
        if (0..<e.nH).contains(where: { e.shiftClosed[$0] || !e.fixedShiftWorkers[$0].isEmpty }) {
            return "some shifts are pinned or frozen"
        }
        return nil
    }()

    /// The worker's best patterns against `shiftDuals` (one per shift: what covering it is worth),
    /// cheapest first (`alternatives` more where the programme has them), and the lowest value of
    /// `own − Σ duals` any pattern can have when `exact` pricing is complete (else nil). Nil when the
    /// worker has no plan within the strict rules. Exact pricing that would take more than
    /// `exactLabelLimit` labels falls back to the beam (and `lowest` is nil).
    ///
    /// With `cutoff`, only patterns whose value is below it matter (column generation adds a pattern only
    /// when its value is below the worker's own dual): the programme drops every label that cannot end
    /// below it, so `patterns` may be empty, and `lowest` is then at least `cutoff`.
    public func price(worker w: Int, shiftDuals: [Double], exact: Bool, alternatives: Int = 0, cutoff: Double? = nil)
        -> (patterns: [ShiftPattern], lowest: Double?)? {
        let s = Double(Self.scale)
        let prices = shiftDuals.map { -Int(($0 * s).rounded()) }
        let pricing = LocalSearch.PatternPricing(shiftPrice: prices, scale: Self.scale)
        // The cutoff in the programme's units: rounding moves each day's price by at most half a unit, so
        // a plan dearer than this is worth more than `cutoff`. (Far above any plan: no cutoff.)
        let bound = cutoff.flatMap { c -> Int? in
            let v = (c * s).rounded(.up) + Double(e.D)
            return v < Double(Self.minimumWeight / 2) ? Int(v) : nil
        }
        // The beam first: its plan's cost bounds the exact programme's labels.
        let beam = ls.planPatternPriced(w, window: nil, noise: 0, keep: beamWidth, pricing: pricing, alternatives: alternatives,
                                        upperBound: bound)
        let beamCost = beam?.plans.first?.cost
        var result = exact ? ls.planPatternPriced(w, window: nil, noise: 0, keep: Int.max, pricing: pricing,
                                                  labelLimit: exactLabelLimit, upperBound: [beamCost, bound].compactMap { $0 }.min()) : nil
        let proved = result != nil
        if result == nil { result = beam }
        guard let r = result else { return nil }
        // Nothing below the cutoff (exact: proved; the beam only says it found none).
        guard let first = r.plans.first else {
            guard let bound else { return nil }
            return ([], proved && r.complete ? Double(bound) / s - Double(e.D) * 0.5 / s : nil)
        }
        guard first.cost < Self.minimumWeight / 2 else { return nil }
        let patterns = r.plans.filter { $0.cost < Self.minimumWeight / 2 }
            .map { ShiftPattern(worker: w, shifts: $0.plan.compactMap { $0 }, own: $0.own) }
        // Rounding moves each day's price by at most half a unit.
        let lowest = proved && r.complete ? Double(first.cost) / s - Double(e.D) * 0.5 / s : nil
        return (patterns, lowest)
    }

    /// The pattern of `shifts` for `w` with its own terms; nil when it breaks a rule of the worker's
    /// (a strict one, or a minimum).
    public func pattern(worker w: Int, shifts: [Int]) -> ShiftPattern? {
        // The programme forced onto these shifts: each is worth far more than any own cost, every
        // other shift costs as much. The forced path is then the cheapest label of its key on every
        // day, so a beam of one keeps it, and a long horizon stays cheap.
        let force = 1 << 36
        let chosen = Set(shifts)
        let prices = (0..<e.nH).map { chosen.contains($0) ? -force : force }
        guard let r = ls.planPatternPriced(w, window: nil, noise: 0, keep: 1,
                                           pricing: LocalSearch.PatternPricing(shiftPrice: prices, scale: Self.scale)),
              let best = r.plans.first else { return nil }
        let planned = best.plan.compactMap { $0 }
        guard Set(planned) == chosen, best.cost + force * chosen.count < Self.minimumWeight / 2 else { return nil }
        return ShiftPattern(worker: w, shifts: planned, own: best.own)
    }

    /// The cover terms of a rota whose shifts hold `counts[h]` workers each.
    public func coverCost(counts: [Int]) -> Int {
        zip(instance.shifts, counts).reduce(0) { $0 + $1.0.coverCost(staffed: $1.1) }
    }
}
