// SPDX-License-Identifier: GPL-3.0-or-later
// A large-neighbourhood search on the model with soft minimums (H7, H10, H11 `min`): it may start
// from a rota that breaks only those minimums (or from nothing), drives their penalty to zero and
// then keeps improving the true objective. Only checker-feasible rotas leave it.
import Foundation
import RotaModel
import RotaChecker
import LinearModel

/// The rules whose minimums the soft model relaxes.
let softRuleIDs: Set<String> = ["H7", "H10", "H11"]

/// True when `report` breaks nothing but minimums the soft model relaxes.
func breaksOnlyMinimums(_ report: CheckReport) -> Bool {
    report.otherProblems.isEmpty && report.violations.allSatisfy { v in
        guard softRuleIDs.contains(v.rule) else { return false }
        switch v.rule {
        case "H7": return v.message.contains("under the minimum")
        case "H10": return v.message.contains("at least")
        default: return v.message.contains("; at least")
        }
    }
}

/// What the lanes of one soft search share: the incumbent (with its penalised value) and the best
/// valid rota. Every lane builds its next sub-problem from the incumbent of the moment and offers
/// its answer back; the answer is taken only when it is better than the incumbent then.
final class SoftSearchState: @unchecked Sendable {
    struct Incumbent {
        var rota: Assignment
        var report: CheckReport
        /// Objective plus minimums penalty (nil: not a point of the soft model, e.g. pins broken).
        var penalised: Double?
        var penalty: Double
    }
    private let lock = NSLock()
    private var current: Incumbent
    private var bestValid: (rota: Assignment, objective: Int)?
    private var firstValidAt: Double?
    private var acceptedCount = 0
    private var stopRequested = false
    private var laneNotes: [String] = []
    private var relaxationGuide: RelaxationGuide?
    /// The whole model and its LP relaxation, for relaxation-induced neighbourhoods (nil until known).
    var guide: RelaxationGuide? {
        get { lock.withLock { relaxationGuide } }
        set { lock.withLock { relaxationGuide = newValue } }
    }

    init(_ incumbent: Incumbent, at seconds: Double) {
        current = incumbent
        record(incumbent, at: seconds)
    }

    var incumbent: Incumbent { lock.withLock { current } }
    var best: (rota: Assignment, objective: Int)? { lock.withLock { bestValid } }
    var feasibleAt: Double? { lock.withLock { firstValidAt } }
    var accepted: Int { lock.withLock { acceptedCount } }
    var notes: [String] { lock.withLock { laneNotes } }
    /// Set when the lanes should stop at the end of their current sub-problem.
    var stopped: Bool {
        get { lock.withLock { stopRequested } }
        set { lock.withLock { stopRequested = newValue } }
    }

    func note(_ text: String) { lock.withLock { laneNotes.append(text) } }

    private func record(_ c: Incumbent, at seconds: Double) {
        guard c.report.isFeasible else { return }
        if firstValidAt == nil { firstValidAt = seconds }
        if bestValid == nil || c.report.objective.total < bestValid!.objective { bestValid = (c.rota, c.report.objective.total) }
    }

    /// Takes `candidate` when its penalised value is below the incumbent's; true when taken.
    func offer(_ candidate: Incumbent, at seconds: Double) -> Bool {
        lock.withLock {
            if let inc = current.penalised, let value = candidate.penalised, value >= inc - 1e-6 { return false }
            current = candidate; acceptedCount += 1
            record(candidate, at: seconds)
            return true
        }
    }
}

/// The whole model's side of the lanes searching beside it: GLPK takes their better rotas as
/// incumbents and hands them each of its own.
final class SoftSearchExchange: IncumbentExchange, @unchecked Sendable {
    let formulation: RotaFormulation
    let instance: Instance
    let state: SoftSearchState
    let elapsed: @Sendable () -> Double

    init(formulation: RotaFormulation, instance: Instance, state: SoftSearchState, elapsed: @escaping @Sendable () -> Double) {
        self.formulation = formulation; self.instance = instance; self.state = state; self.elapsed = elapsed
    }

    func point(betterThan objective: Double?) -> [Double]? {
        guard let best = state.best else { return nil }
        if let objective, Double(best.objective) >= objective - 0.5 { return nil }
        return formulation.point(for: best.rota)
    }

    func found(_ point: [Double], objective: Double) {
        let a = formulation.assignment(from: point)
        let report = Checker.check(a, in: instance)
        guard report.isFeasible else { return }
        _ = state.offer(.init(rota: a, report: report, penalised: Double(report.objective.total), penalty: 0), at: elapsed())
    }
}

struct SoftNeighbourhoodSearch {
    let instance: Instance
    let solveModel: MIPRotaSolver.SolveFunction
    let seed: UInt64
    /// Seconds (on `elapsed`) at which the search stops.
    let deadline: Double
    let elapsed: @Sendable () -> Double
    var notes: [String] = []
    /// Once a valid rota is known, the first lane stops here (≤ `deadline`); without one it runs to `deadline`.
    var handOver: Double = .infinity
    /// Lanes searching at once, each on its own thread with its own GLPK (1: the caller's thread only).
    var lanes = 1
    /// Time limit of one sub-problem (seconds).
    var subLimit = 3.0
    /// Sub-problems above this size are shrunk.
    var maxSubNonzeros = 150_000
    /// Solves an LP relaxation; with it (and a whole model of at most `maxSubNonzeros`), the lanes also
    /// solve relaxation-induced neighbourhoods (`RelaxationGuide`).
    var solveRelaxation: MIPRotaSolver.RelaxFunction?

    /// Shared by the lanes (nil before `run`).
    private(set) var state: SoftSearchState?
    private var background = DispatchGroup()
    private var finished = false

    /// The best checker-feasible rota found and its objective.
    var best: (rota: Assignment, objective: Int)? { state?.best }

    init(instance: Instance, solveModel: @escaping MIPRotaSolver.SolveFunction, seed: UInt64, deadline: Double,
         elapsed: @escaping @Sendable () -> Double) {
        self.instance = instance; self.solveModel = solveModel; self.seed = seed
        self.deadline = deadline; self.elapsed = elapsed
    }

    /// Runs the search from `start` (nil: from the empty rota) until the hand-over (or the deadline
    /// without a valid rota) and returns the best feasible rota. With `keepSearching`, the other
    /// lanes go on until the deadline, or until `finish()`, which collects what they found.
    mutating func run(start: Assignment?, keepSearching: Bool = false) -> Assignment? {
        let inst = instance
        guard !inst.workers.isEmpty, inst.days > 0 else { return nil }
        let started = elapsed()
        let incumbent = start ?? Assignment.empty(for: inst)
        let report = Checker.check(incumbent, in: inst)
        var first = SoftSearchState.Incumbent(rota: incumbent, report: report, penalised: nil, penalty: .infinity)
        do {
            let f = RotaFormulation.buildModel(inst, fixed: Restriction(incumbent: incumbent, freeWorkers: [], freeDays: 0..<0),
                                               softMinimums: true)
            if breaksOnlyMinimums(report), let p = f.point(for: incumbent) {
                first.penalty = f.minimumsPenalty(at: p)
                first.penalised = Double(report.objective.total) + first.penalty
            }
            notes.append("soft LNS: start \(start == nil ? "empty" : "given"), objective \(report.objective.total), penalty \(first.penalised == nil ? "unknown" : "\(first.penalty)") (P = \(f.softPenalty)), \(lanes) lane\(lanes == 1 ? "" : "s")")
        }
        let state = SoftSearchState(first, at: started)
        self.state = state
        if let relax = solveRelaxation,
           RotaFormulation.estimatedNonzeros(inst, stopAbove: maxSubNonzeros) <= maxSubNonzeros {
            // The whole model's relaxation, beside the lanes (a minute's simplex on Curtois & Qu 12, 5 s on 9);
            // the lanes take relaxation-induced neighbourhoods once it is there.
            let limit = 0.3 * (deadline - started)
            let clock = elapsed
            background.enter()
            let group = background
            let thread = Thread {
                let t0 = clock()
                let f = RotaFormulation.buildModel(inst)
                if let r = try? relax(f.model, limit), let lp = r.values, r.termination == .optimal {
                    state.guide = RelaxationGuide(formulation: f, relaxation: lp)
                    state.note(String(format: "soft LNS: relaxation of the whole model %.1f in %.2f s", r.objective ?? .nan, clock() - t0))
                } else {
                    state.note(String(format: "soft LNS: no relaxation of the whole model within %.1f s", limit))
                }
                group.leave()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        var lane0 = SoftSearchLane(search: self, state: state, lane: 0)
        if start == nil {
            // Construction from the empty rota: one worker at a time over the whole horizon (small, quick
            // MIPs), on one lane, since each step builds on the last.
            lane0.construct(order: Array(0..<inst.workers.count).shuffled(using: &lane0.rng))
        }
        for k in 1..<max(1, lanes) {
            let lane = SoftSearchLane(search: self, state: state, lane: k)
            let until = keepSearching ? deadline : handOver
            background.enter()
            let group = background
            let thread = Thread {
                var l = lane
                l.search(until: until)
                state.note(l.summary)
                group.leave()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        lane0.search(until: handOver)
        notes.append(lane0.summary)
        if !keepSearching { finish() }
        return state.best?.rota
    }

    /// Stops the other lanes after their current sub-problem, waits for them, and returns the best
    /// feasible rota of all lanes.
    @discardableResult
    mutating func finish() -> Assignment? {
        guard let state, !finished else { return state?.best?.rota }
        finished = true
        state.stopped = true
        background.wait()
        background = DispatchGroup()
        notes += state.notes
        let at = state.feasibleAt.map { String(format: "%.1f s", $0) } ?? "never"
        notes.append("soft LNS: \(state.accepted) accepted over all lanes, penalty \(state.incumbent.penalty), first valid rota at \(at), best objective \(state.best.map { "\($0.objective)" } ?? "none")")
        return state.best?.rota
    }
}

/// The exact whole model and an optimal point of its LP relaxation. A relaxation-induced neighbourhood
/// (RINS, Danna, Rothberg and Le Pape 2005) fixes every integer variable on which the incumbent and the
/// relaxation agree and re-optimises the rest. Its size adapts through `freedom`: above 0, that share of
/// the agreeing variables is freed too; below 0, only a share 1 + `freedom` of the disagreeing ones
/// stays free (the rest keep the incumbent's values). Variables are chosen at random.
struct RelaxationGuide: @unchecked Sendable {
    let formulation: RotaFormulation
    let relaxation: [Double]

    /// The whole model with the chosen variables fixed at the incumbent's values, and how many integer
    /// variables stay free; nil when `rota` is not a point of the model.
    func neighbourhood(of rota: Assignment, freedom: Double, rng: inout SplitMix) -> (model: MIPModel, free: Int)? {
        guard let point = formulation.point(for: rota) else { return nil }
        var m = formulation.model
        var free = 0
        for v in m.variables where m.kind(of: v).isIntegral {
            let j = v.index
            let agrees = abs(point[j] - relaxation[j]) <= 1e-6
            let keepFree = agrees
                ? freedom > 0 && Double.random(in: 0..<1, using: &rng) < freedom
                : freedom >= 0 || Double.random(in: 0..<1, using: &rng) < 1 + freedom
            if keepFree {
                free += 1
            } else {
                m.setBounds(v, lower: point[j], upper: point[j])
            }
        }
        return (m, free)
    }
}

/// One lane of a soft search: its own random numbers and neighbourhood sizes, the shared incumbent.
struct SoftSearchLane {
    /// The kinds of sub-problem a lane solves; each adapts its own size.
    enum Neighbourhood: String, Comparable {
        /// One worker over the whole horizon, building from the empty rota.
        case construction
        /// Every worker (halved while too big) over a window of days.
        case dayWindow = "day windows"
        /// k workers over `span` days.
        case workerGroup = "worker groups"
        /// What the incumbent shares with the whole model's relaxation fixed (`RelaxationGuide`).
        case relaxation = "relaxation-induced"
        static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    let instance: Instance
    let solveModel: MIPRotaSolver.SolveFunction
    let state: SoftSearchState
    let lane: Int
    let deadline: Double
    let elapsed: @Sendable () -> Double
    let subLimit: Double
    let maxSubNonzeros: Int
    var rng: SplitMix
    private var k = 3, window = 5
    /// The size of relaxation-induced neighbourhoods (`RelaxationGuide.neighbourhood`).
    private var rinsFreedom = 0.0
    private var rinsFree = 0
    /// Days spanned by a k-worker neighbourhood (the whole horizon at first; shrinks while its
    /// sub-problems are not solved to optimality within the limit, down to a week).
    private var span = Int.max
    private var rounds = 0, optimal = 0, taken = 0, worse = 0
    /// Per kind of neighbourhood: rounds, solved to optimality, without a rota, seconds, nonzeros.
    private struct KindStats { var rounds = 0, optimal = 0, empty = 0, seconds = 0.0, nonzeros = 0 }
    private var kinds: [Neighbourhood: KindStats] = [:]
    private var buildSeconds = 0.0, solveSeconds = 0.0

    init(search: SoftNeighbourhoodSearch, state: SoftSearchState, lane: Int) {
        instance = search.instance; solveModel = search.solveModel; self.state = state; self.lane = lane
        deadline = search.deadline; elapsed = search.elapsed; subLimit = search.subLimit; maxSubNonzeros = search.maxSubNonzeros
        rng = SplitMix(seed: (search.seed ^ 0x50F7) &+ UInt64(lane) &* 0x9E37_79B9_7F4A_7C15)
    }

    var summary: String {
        "soft LNS lane \(lane): \(rounds) rounds (\(optimal) solved to optimality; building \(Int(buildSeconds)) s, solving \(Int(solveSeconds)) s), \(taken) taken, \(worse) no better; "
            + kinds.sorted { $0.key < $1.key }.map { name, k in
                "\(name.rawValue): \(k.rounds) rounds, \(k.optimal) optimal, \(k.empty) without a rota, "
                    + String(format: "%.2f s and %d nonzeros on average", k.seconds / Double(k.rounds), k.nonzeros / k.rounds)
                    + (name == .relaxation ? String(format: ", %d integer variables free on average, freedom at the end %.2f", rinsFree / k.rounds, rinsFreedom) : "")
            }.joined(separator: "; ")
    }

    /// Workers named in the violated minimums of `report`.
    private func violatedWorkers(_ report: CheckReport) -> [Int] {
        var out = Set<Int>()
        for v in report.violations where v.rule == "H7" || v.rule == "H10" {
            for id in v.items { if let w = instance.workerIndex[id] { out.insert(w) } }
        }
        for v in report.violations where v.rule == "H11" {
            // A shift short of its minimum: the workers who could work it.
            if let id = v.items.first, let h = instance.shiftIndex[id] {
                let shift = instance.shifts[h]
                for (w, worker) in instance.workers.enumerated() where worker.hasSkills(shift.skills) {
                    out.insert(w)
                }
            }
        }
        return out.sorted()
    }

    /// One worker at a time over the whole horizon, in `order`.
    mutating func construct(order: [Int]) {
        for w in order {
            guard elapsed() < deadline - 0.3 else { return }
            let inc = state.incumbent
            step(Restriction(incumbent: inc.rota, freeWorkers: [w]), .construction, from: inc)
        }
    }

    /// Rounds until `until` (or the deadline; or, once a valid rota is known, nothing more to wait for).
    mutating func search(until: Double) {
        let inst = instance
        let nW = inst.workers.count, days = inst.days
        while elapsed() < deadline - 0.3 && !state.stopped && !(state.best != nil && elapsed() >= until) {
            let inc = state.incumbent
            let bad = inc.penalty > 0 ? violatedWorkers(inc.report) : []
            if inc.penalty == 0, let guide = state.guide, Int.random(in: 0..<3, using: &rng) == 0,
               let n = guide.neighbourhood(of: inc.rota, freedom: rinsFreedom, rng: &rng) {
                rinsFree += n.free
                guard relaxationStep(n.model, guide: guide) else { break }
                continue
            }
            var r: Restriction
            let kind: Neighbourhood = Int.random(in: 0..<3, using: &rng) == 0 ? .dayWindow : .workerGroup
            if kind == .dayWindow {
                // All workers × a window of 3-7 days.
                let len = min(days, window + Int.random(in: -1...1, using: &rng))
                let lo = SoftNeighbourhoodSearch.windowStart(length: len, days: days, shortDays: SoftNeighbourhoodSearch.shortShiftDays(inc.rota, inst),
                                                                rng: &rng)
                r = Restriction.fitting(inst, incumbent: inc.rota, free: Set(0..<nW), days: lo..<(lo + len),
                                        maxNonzeros: maxSubNonzeros, rng: &rng)
            } else {
                // k workers × all days: a violated worker with others sharing its trouble, or random workers.
                let size = min(nW, max(2, k + Int.random(in: -1...1, using: &rng)))
                var free = Set<Int>()
                if !bad.isEmpty && Int.random(in: 0..<4, using: &rng) < 3 {
                    free.insert(bad.randomElement(using: &rng)!)
                    while free.count < size {
                        let fromBad = bad.count > free.count && Bool.random(using: &rng)
                        free.insert(fromBad ? bad.randomElement(using: &rng)! : Int.random(in: 0..<nW, using: &rng))
                    }
                } else {
                    while free.count < size { free.insert(Int.random(in: 0..<nW, using: &rng)) }
                }
                // While minimums are broken, the whole horizon: a window could miss the broken run.
                let len = inc.penalty > 0 ? days : min(days, span)
                let lo = len == days ? 0 : Int.random(in: 0...(days - len), using: &rng)
                let freeDays: Range<Int>? = len == days ? nil : lo..<(lo + len)
                r = Restriction(incumbent: inc.rota, freeWorkers: free, freeDays: freeDays)
                while free.count > 1 && RotaFormulation.estimatedNonzeros(inst, restriction: r, stopAbove: maxSubNonzeros) > maxSubNonzeros {
                    free.remove(free.sorted().last!)
                    r = Restriction(incumbent: inc.rota, freeWorkers: free, freeDays: freeDays)
                }
            }
            guard step(r, kind, from: inc) else { break }
        }
    }

    /// Solves one sub-problem and keeps the statistics of its kind.
    private mutating func solve(_ model: MIPModel, warm: [Double]?, limit: Double, _ kind: Neighbourhood) -> MIPResult? {
        let t1 = elapsed()
        let res = try? solveModel(model, warm, limit)
        let seconds = elapsed() - t1
        kinds[kind, default: KindStats()].rounds += 1
        kinds[kind]!.optimal += res?.termination == .optimal ? 1 : 0
        kinds[kind]!.empty += res?.hasSolution == true ? 0 : 1
        kinds[kind]!.seconds += seconds
        kinds[kind]!.nonzeros += model.numNonzeros
        solveSeconds += seconds
        if res?.termination == .optimal { optimal += 1 }
        return res
    }

    /// Solves a relaxation-induced sub-problem of the whole model and offers the answer. False when no
    /// time is left.
    private mutating func relaxationStep(_ model: MIPModel, guide: RelaxationGuide) -> Bool {
        let limit = min(subLimit, deadline - elapsed())
        guard limit > 0.3 else { return false }
        rounds += 1
        guard let res = solve(model, warm: nil, limit: limit, .relaxation) else { return true }
        let quick = res.termination == .optimal
        // Larger while the sub-problems are solved to optimality, smaller (faster) when not.
        rinsFreedom = quick ? min(0.5, rinsFreedom + 0.02) : max(-0.9, rinsFreedom - (res.hasSolution ? 0.05 : 0.15))
        guard let values = res.values, res.hasSolution else { return true }
        let a = guide.formulation.assignment(from: values)
        let rep = Checker.check(a, in: instance)
        guard rep.isFeasible else {
            state.note("formulation bug in a relaxation-induced sub-problem: " + rep.violations.prefix(3).map(\.message).joined(separator: "; "))
            return true
        }
        let candidate = SoftSearchState.Incumbent(rota: a, report: rep, penalised: Double(rep.objective.total), penalty: 0)
        if state.offer(candidate, at: elapsed()) { taken += 1 } else { worse += 1 }
        return true
    }

    /// Solves the sub-problem `r` (a `kind` neighbourhood) of `inc` and offers the answer. False when
    /// no time is left.
    @discardableResult
    private mutating func step(_ r: Restriction, _ kind: Neighbourhood, from inc: SoftSearchState.Incumbent) -> Bool {
        let inst = instance
        let limit = min(subLimit, deadline - elapsed())
        guard limit > 0.3 else { return false }
        rounds += 1
        let t0 = elapsed()
        // Once the incumbent is valid, sub-problems are exact (with the run network, whose LP is tighter).
        let f = RotaFormulation.buildModel(inst, fixed: r, softMinimums: inc.penalty > 0)
        // Exact sub-problems go without the incumbent: GLPK then presolves them (the other workers'
        // fixed variables go) and runs its own heuristics, and the acceptance below compares with the
        // incumbent anyway. Curtois & Qu 6-9 at 60 s: 2144 / 1392 / 3419 / 934 against
        // 2271 / 1399 / 3413 / 1035 with the warm start (one run each).
        let warm = inc.penalised == nil || inc.penalty == 0 ? nil : f.point(for: inc.rota)
        let t1 = elapsed()
        buildSeconds += t1 - t0
        guard let res = solve(f.model, warm: warm, limit: limit, kind) else { return true }
        let quick = res.termination == .optimal
        // Neighbourhoods grow while their sub-problems are solved to optimality and shrink when not: a
        // k-worker one first shrinks its days (once k is at its least) and grows them back before k;
        // k may reach half the workers and a window every day. Against caps of 4 workers and 6 days,
        // Curtois & Qu 3 / 6 / 7 / 9 at 60 s, seeds 2 and 3: 1003, 1003 / 2176, 2144 / 1481, 1308 /
        // 794, 793 against 1004, 1004 / 2153, 2152 / 1376, 1593 / 797, 692 (no clear difference;
        // one run of Instance6 reached 2059 this way).
        let days = inst.days
        switch kind {
        case .construction, .relaxation:
            break
        case .workerGroup:
            if quick {
                if span < days { span = min(days, span + 2) } else if k < inst.workers.count / 2 { k += 1 }
            } else if k > 2 { k -= 1 } else { span = max(7, min(span, days) - 3) }
        case .dayWindow:
            window = quick ? min(window + 1, days) : max(4, window - 1)
        }
        guard let values = res.values, res.hasSolution else { return true }
        let a = f.assignment(from: values)
        let rep = Checker.check(a, in: inst)
        guard breaksOnlyMinimums(rep) else {
            state.note("formulation bug in a soft sub-problem: " + rep.violations.prefix(3).map(\.message).joined(separator: "; "))
            return true
        }
        guard let p = f.point(for: a) else { return true }
        let pen = f.minimumsPenalty(at: p)
        let candidate = SoftSearchState.Incumbent(rota: a, report: rep, penalised: Double(rep.objective.total) + pen, penalty: pen)
        if state.offer(candidate, at: elapsed()) { taken += 1 } else { worse += 1 }
        return true
    }
}

extension SoftNeighbourhoodSearch {
    /// The days of the shifts `rota` leaves short of their `required` workers.
    static func shortShiftDays(_ rota: Assignment, _ inst: Instance) -> [Int] {
        inst.shifts.indices.filter { rota.shiftWorkers[$0].count < inst.shifts[$0].required }.map { inst.shifts[$0].day }
    }

    /// The first day of a window of `length` days: half the time (when the rota leaves a shift short)
    /// a window over the day of a short shift, otherwise anywhere. Random windows seldom hold the
    /// several workers' runs that must change together to cover a shift (the recovery example's week
    /// of leave: at 60 s, seeds 1-12, median 969 with aimed windows against 1476 without).
    static func windowStart(length: Int, days: Int, shortDays: [Int], rng: inout SplitMix) -> Int {
        let anywhere = Int.random(in: 0...(days - length), using: &rng)
        guard !shortDays.isEmpty, Bool.random(using: &rng) else { return anywhere }
        let d = min(max(shortDays.randomElement(using: &rng)!, 0), days - 1)
        return min(max(0, d - Int.random(in: 0..<length, using: &rng)), days - length)
    }
}
