// SPDX-License-Identifier: GPL-3.0-or-later
import RotaModel
import RotaChecker
import LinearModel

/// What a sub-problem may change. Everything outside it is fixed to `incumbent`.
///
/// A session is free when it is unassigned in the incumbent or when all its workers are free
/// and it starts on a free day; a free session may only be given to free workers on free days.
/// A shift place (shift, worker) is free when the worker is free and the shift is on a free day.
/// A case's allocation is free when the incumbent has none or gives it to a free worker.
public struct Restriction: Sendable {
    public var incumbent: Assignment
    public var freeWorkers: Set<Int>
    /// Free days (`nil`: the whole horizon).
    public var freeDays: Range<Int>?
    /// When false, every session stays as in the incumbent (a shift-only sub-problem).
    public var freeSessions: Bool

    public init(incumbent: Assignment, freeWorkers: Set<Int>, freeDays: Range<Int>? = nil, freeSessions: Bool = true) {
        self.incumbent = incumbent; self.freeWorkers = freeWorkers; self.freeDays = freeDays
        self.freeSessions = freeSessions
    }

    func dayFree(_ d: Int) -> Bool { freeDays.map { $0.contains(d) } ?? true }
}

/// One way to place a session: start, venue and the place where it happens.
struct PlacementOption: Sendable {
    let session: Int
    let start: Int
    let venue: Int?
    let location: Int
    let day: Int
    var leads: [Int]
    var helpers: [Int]
    /// Forced by a pin, the freeze or the restriction.
    let forced: Bool
    var forcedLead: Int?
    var forcedHelpers: [Int]
}

/// A blocking (or standby) activity a worker may do: the lead or helper part of a placement, or a shift.
struct ActivityNode: Sendable {
    enum Kind: Sendable { case lead(Int), helper(Int), shift(Int) }  // placement index / shift index
    let kind: Kind
    let worker: Int
    let interval: Interval
    let startLocation: Int
    let endLocation: Int
    let day: Int
    let minutes: Int
    /// Session index, or -1 for a shift.
    let session: Int
    var variable = Variable(index: -1)
}

struct Arc: Sendable {
    /// Node indices into the worker-day list's global node array; -1 is the base.
    let from: Int
    let to: Int
    let minutes: Int
    let variable: Variable
}

/// The enumerated options of an instance (and restriction): what the model is built from.
struct OptionSet: Sendable {
    var placements: [PlacementOption] = []
    var placementsOfSession: [[Int]] = []
    /// Per session: forced unassigned (no placement at all allowed).
    var forcedUnassigned: [Bool] = []
    var forcedAssigned: [Bool] = []
    /// Per shift: worker → forced on (true) or free (false); workers not listed cannot work it.
    var shiftOptions: [[Int: Bool]] = []
    /// Per case: nil when the allocation is given/fixed (value in `fixedAllocation`), else the choices.
    var allocationChoices: [[Int]?] = []
    var fixedAllocation: [Int?] = []
    var nodes: [ActivityNode] = []
    /// Per worker, per day: indices of blocking nodes.
    var blocking: [[[Int]]] = []
    /// Per worker, per day: (shift, worker) standby shift options.
    var standby: [[[Int]]] = []
    var triangle = true
    /// H10 as a run network per worker (exact model only); false: window rows.
    var runNetwork = true

    /// The arcs of the travel network; the count stops soon after passing `stopAbove`.
    func arcCount(_ inst: Instance, stopAbove: Int = Int.max) -> Int {
        var n = 0
        for w in blocking.indices {
            for list in blocking[w] {
                n += 2 * list.count
                for i in list { for j in list where compatible(nodes[i], nodes[j], inst) { n += 1 } }
                if n > stopAbove { return n }
            }
        }
        return n
    }

    func compatible(_ a: ActivityNode, _ b: ActivityNode, _ inst: Instance) -> Bool {
        if a.session >= 0 && a.session == b.session { return false }
        return b.interval.start >= a.interval.end + inst.travel.minutes(a.endLocation, b.startLocation)
    }

    /// Set when enumeration stopped early (`enumerate(_:restriction:sessionsOnly:stopAbove:)`).
    var truncated = false
    static let nonzerosPerNode = 8

    /// A rough count of the model's nonzeros (some count above `stopAbove` once it is passed).
    func estimatedNonzeros(_ inst: Instance, stopAbove: Int = Int.max) -> Int {
        if truncated { return stopAbove == Int.max ? Int.max : stopAbove + 1 }
        var n = arcCount(inst, stopAbove: stopAbove / 3) * 3
        n += nodes.count * OptionSet.nonzerosPerNode
        n += placements.count * 3
        return n
    }
}

public struct RotaFormulation: Sendable {
    public let model: MIPModel
    public let instance: Instance
    let options: OptionSet
    // Variables.
    let y: [Variable]
    let leadVar: [[Int: Variable]]
    let helperVar: [[Int: Variable]]
    let unassigned: [Variable]
    let shiftVar: [[Int: Variable]]
    let allocVar: [[Int: Variable]]
    let continuityVar: [Variable?]
    let arcs: [Arc]
    /// Per worker, per day: arcs indices.
    let arcsOfDay: [[[Int]]]
    let workDay: [[Variable]]
    /// Per worker: the arcs of its run network (H10), empty when the window rows are used instead.
    let runArcs: [[RunArc]]
    let weekend: [[Int: Variable]]
    let overtime: [[Variable?]]
    let fairness: [(type: Int, max: Variable, min: Variable, workers: [Int])]
    let requestVar: [[Variable?]]
    let under: [Variable]
    let over: [Variable]
    let placementKey: [PlacementKey: Int]
    /// Soft minimums (`buildModel(_:fixed:softMinimums:)`): the slack of each softened row.
    let softRows: [SoftRow]
    /// The penalty P of one unit of slack on an H10 run row or an H11 `min` row, and of one hour short
    /// on an H7 minimum (P/60 a minute); 0 in the exact model. P = 10 × the largest absolute objective
    /// coefficient of the exact model (at least 10).
    public let softPenalty: Double

    /// A row `Σ coefs·vars (sense) rhs` made soft by a slack variable with penalty.
    struct SoftRow: Sendable {
        let slack: Variable
        let vars: [Variable]
        let coefs: [Double]
        /// `.greaterOrEqual`: slack = max(0, rhs − lhs); `.lessOrEqual`: slack = max(0, lhs − rhs).
        let sense: ConstraintSense
        let rhs: Double
    }

    struct PlacementKey: Hashable, Sendable { let s: Int, start: Int, venue: Int?, loc: Int }

    /// Size of the model: (variables, rows, nonzeros).
    public var size: (variables: Int, constraints: Int, nonzeros: Int) {
        (model.numVariables, model.numConstraints, model.numNonzeros)
    }
}

// MARK: - Option enumeration

extension RotaFormulation {
    static func eligibleForSession(_ inst: Instance, _ s: SessionInfo, _ w: Int) -> Bool {
        let worker = inst.workers[w]
        if inst.cases[s.caseIndex].excluded.contains(w) { return false }
        return worker.hasSkills(s.skills)
    }

    static func leadInterval(_ inst: Instance, _ s: SessionInfo, start: Int, location: Int) -> Interval {
        if let from = s.transportFrom {
            return Interval(start - inst.travel.minutes(from, location),
                            start + s.duration + inst.travel.minutes(location, from))
        }
        return Interval(start, start + s.duration)
    }

    /// The model's options. With `stopAbove`, enumeration stops (and `truncated` is set) once the
    /// activity nodes to come alone would make more nonzeros than that: sizing a county's model
    /// must not build it.
    static func enumerate(_ inst: Instance, restriction: Restriction?, sessionsOnly: Bool = false,
                          stopAbove: Int = Int.max) -> OptionSet {
        var o = OptionSet()
        var nodesToCome = 0
        let nW = inst.workers.count
        let freeze = inst.freezeBefore
        let baseline = Assignment.baseline(of: inst)
        o.placementsOfSession = Array(repeating: [], count: inst.sessions.count)
        o.forcedUnassigned = Array(repeating: false, count: inst.sessions.count)
        o.forcedAssigned = Array(repeating: false, count: inst.sessions.count)
        for (s, info) in inst.sessions.enumerated() {
            // Forced placement: pin, freeze, restriction.
            var forced: SessionPlacement?? = nil
            if let pin = info.pinned {
                forced = .some(SessionPlacement(workers: pin.workers, start: pin.start, venue: pin.venue))
            } else if let freeze, let b = baseline?.sessions[s], b.start < freeze {
                forced = .some(b)
            } else if let r = restriction {
                let inc = r.incumbent.sessions[s]
                if !r.freeSessions {
                    forced = .some(inc)
                } else if let inc {
                    let d = inst.clock.dayIndex(of: inc.start)
                    if !(inc.workers.allSatisfy { r.freeWorkers.contains($0) } && r.dayFree(d)) { forced = .some(inc) }
                }
            }
            if let f = forced {
                guard let p = f else { o.forcedUnassigned[s] = true; continue }
                let loc = inst.sessionLocation(info, venue: p.venue, lead: p.lead)
                o.forcedAssigned[s] = true
                o.placementsOfSession[s].append(o.placements.count)
                o.placements.append(PlacementOption(session: s, start: p.start, venue: p.venue, location: loc,
                                                    day: inst.clock.dayIndex(of: p.start), leads: [p.lead],
                                                    helpers: Array(p.workers.dropFirst()), forced: true,
                                                    forcedLead: p.lead, forcedHelpers: Array(p.workers.dropFirst())))
                continue
            }
            let allowedWorker: (Int) -> Bool = { w in restriction.map { $0.freeWorkers.contains(w) } ?? true }
            let eligible = (0..<nW).filter { allowedWorker($0) && eligibleForSession(inst, info, $0) }
            if eligible.isEmpty { continue }
            let venueChoices: [Int?] = info.venues.isEmpty ? [nil] : info.venues.map { Optional($0) }
            for t in inst.candidateStarts(info) {
                if let freeze, t < freeze { continue }
                let day = inst.clock.dayIndex(of: t)
                if let r = restriction, !r.dayFree(day) { continue }
                let sessionIV = Interval(t, t + info.duration)
                for v in venueChoices {
                    if let v, let open = inst.venues[v].open, !open.containsWhole(sessionIV) { continue }
                    // Locations: the venue's, the pick-up, or each eligible lead's base.
                    var locs: [Int]
                    if let v { locs = [inst.venues[v].location] } else if let from = info.transportFrom { locs = [from] } else {
                        locs = Array(Set(eligible.map { inst.workers[$0].base })).sorted()
                    }
                    for loc in locs {
                        let liv = leadInterval(inst, info, start: t, location: loc)
                        var leads: [Int] = [], helpers: [Int] = []
                        for w in eligible {
                            let worker = inst.workers[w]
                            let leadOK = (info.transportFrom == nil || worker.skills.contains("driver"))
                                && (v != nil || info.transportFrom != nil || worker.base == loc)
                                && worker.isAvailable(liv)
                            if leadOK { leads.append(w) }
                            if info.workersNeeded > 1 && worker.isAvailable(sessionIV) { helpers.append(w) }
                        }
                        if leads.isEmpty { continue }
                        if info.workersNeeded > 1 {
                            if helpers.count < info.workersNeeded - 1 || Set(leads + helpers).count < info.workersNeeded { continue }
                        }
                        nodesToCome += leads.count + helpers.count
                        if nodesToCome > stopAbove / OptionSet.nonzerosPerNode { o.truncated = true; return o }
                        o.placementsOfSession[s].append(o.placements.count)
                        o.placements.append(PlacementOption(session: s, start: t, venue: v, location: loc, day: day,
                                                            leads: leads, helpers: helpers, forced: false,
                                                            forcedLead: nil, forcedHelpers: []))
                    }
                }
            }
        }
        // Shifts.
        o.shiftOptions = Array(repeating: [:], count: inst.shifts.count)
        for (h, shift) in inst.shifts.enumerated() {
            let type = inst.shiftTypes[shift.type]
            let frozen = freeze.map { shift.interval.start < $0 } ?? false
            let baseWorkers = Set(baseline?.shiftWorkers[h] ?? [])
            for (w, worker) in inst.workers.enumerated() {
                var value: Bool?? = nil
                if shift.pinnedWorkers.contains(w) || (frozen && baseWorkers.contains(w)) { value = .some(true) }
                else if frozen { value = .some(false) }
                else if let r = restriction, !(r.freeWorkers.contains(w) && r.dayFree(shift.day)) {
                    value = .some(r.incumbent.shiftWorkers[h].contains(w))
                }
                if let v = value {
                    if v == true { o.shiftOptions[h][w] = true }
                    continue
                }
                guard worker.hasSkills(shift.skills) else { continue }
                if let m = worker.maxShifts[shift.type], m <= 0 { continue }
                if inst.rules.maxShiftsPerDay <= 0 { continue }
                if type.standby {
                    if worker.unavailable.anyOverlaps(shift.interval) { continue }
                } else if !worker.isAvailable(shift.interval) { continue }
                o.shiftOptions[h][w] = false
            }
        }
        // Allocations.
        for (c, info) in inst.cases.enumerated() {
            if let a = info.allocatedWorker { o.allocationChoices.append(nil); o.fixedAllocation.append(a); continue }
            if let r = restriction, let a = r.incumbent.allocations[c], !r.freeWorkers.contains(a) || !r.freeSessions {
                o.allocationChoices.append(nil); o.fixedAllocation.append(a); continue
            }
            if let r = restriction, !r.freeSessions, r.incumbent.allocations[c] == nil {
                o.allocationChoices.append(nil); o.fixedAllocation.append(nil); continue
            }
            o.allocationChoices.append(Array(0..<nW)); o.fixedAllocation.append(nil)
        }
        // Nodes.
        o.blocking = Array(repeating: Array(repeating: [], count: inst.days), count: nW)
        o.standby = Array(repeating: Array(repeating: [], count: inst.days), count: nW)
        for (pi, p) in o.placements.enumerated() {
            let info = inst.sessions[p.session]
            guard p.day >= 0 && p.day < inst.days else { continue }
            let liv = leadInterval(inst, info, start: p.start, location: p.location)
            let leadStart = info.transportFrom ?? p.location
            let leadMinutes = (info.transportFrom != nil ? liv.length : info.duration) + info.reportMinutes
            for w in p.leads {
                o.blocking[w][p.day].append(o.nodes.count)
                o.nodes.append(ActivityNode(kind: .lead(pi), worker: w, interval: liv, startLocation: leadStart,
                                            endLocation: leadStart, day: p.day, minutes: leadMinutes, session: p.session))
            }
            for w in p.helpers {
                o.blocking[w][p.day].append(o.nodes.count)
                o.nodes.append(ActivityNode(kind: .helper(pi), worker: w, interval: Interval(p.start, p.start + info.duration),
                                            startLocation: p.location, endLocation: p.location, day: p.day,
                                            minutes: info.duration, session: p.session))
            }
        }
        for (h, shift) in inst.shifts.enumerated() where shift.day >= 0 && shift.day < inst.days {
            let type = inst.shiftTypes[shift.type]
            for w in o.shiftOptions[h].keys.sorted() {
                if type.standby { o.standby[w][shift.day].append(h); continue }
                let loc = type.location ?? inst.workers[w].base
                o.blocking[w][shift.day].append(o.nodes.count)
                o.nodes.append(ActivityNode(kind: .shift(h), worker: w, interval: shift.interval, startLocation: loc,
                                            endLocation: loc, day: shift.day, minutes: type.counted, session: -1))
            }
        }
        // Triangle inequality on the locations in use.
        var locs = Set<Int>()
        for n in o.nodes { locs.insert(n.startLocation); locs.insert(n.endLocation) }
        for w in inst.workers { locs.insert(w.base) }
        let L = locs.sorted()
        outer: for a in L { for b in L where b != a { for c in L where c != a && c != b {
            if inst.travel.minutes(a, c) > inst.travel.minutes(a, b) + inst.travel.minutes(b, c) { o.triangle = false; break outer }
        } } }
        return o
    }

    /// A rough size of the model of `instance` under `restriction`, without building it. Counting
    /// stops once past `stopAbove` (the count of arcs is quadratic in a worker's candidates a day: a
    /// generated team of 100 workers, two billion nonzeros, took 19 s to count in full).
    public static func estimatedNonzeros(_ instance: Instance, restriction: Restriction? = nil, stopAbove: Int = Int.max) -> Int {
        enumerate(instance, restriction: restriction, stopAbove: stopAbove).estimatedNonzeros(instance, stopAbove: stopAbove)
    }
}
