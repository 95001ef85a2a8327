// SPDX-License-Identifier: GPL-3.0-or-later
// RotaColumns: shift rostering by column generation. Each worker's whole horizon is a column (a
// pattern, priced by the native solver's dynamic programme); a master programme picks one pattern a
// worker and pays for the cover it leaves short or over. Its LP gives a strong bound (Dantzig-Wolfe),
// diving on it gives rotas, and its integer programme over the patterns found improves them
// (price and branch).
import Foundation
import LinearModel
import RotaChecker
import RotaGreedy
import RotaModel

public struct ColumnGenerationSolver: Sendable {
    /// Runs `body` with the master's LP loaded in a solver that keeps it (and its basis) between solves.
    public typealias LPSession = @Sendable (MIPModel, (any IncrementalLP) -> Void) throws -> Void
    /// Solves an integer programme: (model, warm start, seconds).
    public typealias MIPFunction = @Sendable (MIPModel, [Double]?, Double) throws -> MIPResult
    let withLP: LPSession
    let solveMIP: MIPFunction
    /// Share of the time limit by which the root's pricing stops, and by which diving stops; the
    /// rest goes to the master's integer programme (where it runs: `integerProgramme`).
    public var pricingShare = 0.5
    public var diveShare = 0.85
    /// A dive fixes every pattern the LP takes at least this much of (and the largest, if none).
    public var diveFix = 0.9
    /// What a dive fixes: a worker's whole pattern, or one day of a worker's (works shift h, or works
    /// none of day d) and pricing fits the worker's other days around it.
    public enum Dive: String, Sendable { case patterns, days }
    /// The dive; nil: on days over horizons longer than four weeks, on patterns otherwise. (`auto` at
    /// 60 s, medians of seeds 1-3: Curtois & Qu stand-ins of 42-84 days 929 / 2242 / 1974 / 4274 on
    /// days against 1153 / ≥ 2695 / 1967 / 4657 on patterns; but Instances 7-9, of 28 days,
    /// 1065 / 1635 / 447 on days against 1057 / 1345 / 439, seed 1. Benchmarks/RESULTS.md.)
    public var dive: Dive?
    /// Whether the master's integer programme over the patterns found follows the dives; nil: after
    /// dives on patterns only. Over longer horizons it never improved on the dives' rota (90 runs on
    /// Curtois & Qu stand-ins of 42-84 days, sessions 30-31, Benchmarks/RESULTS.md); where the root has no
    /// bound, and so no later dives, it had most of column generation's time and GLPK overran its
    /// limit (stand-in 19: 60.6-62.7 s of 60). Without it the time goes to GLPK's soft search from the
    /// dive's rota, which improves it.
    public var integerProgramme: Bool?
    /// Pricing rounds a step of a dive on days may take before it fixes again: the LP need not converge
    /// between steps. (A stand-in of 42 days, unlimited: 3 steps in 15 s, ending at 1346-2259; with 3
    /// rounds, 27 steps ending at 1040.)
    public var dayDiveRounds = 3
    /// Branch and price after the dive, until the dive's share of the time (`branchAndPrice`).
    public var searchTree = true
    /// Threads pricing workers side by side (each with its own pricer).
    public var threads = 2
    /// Patterns beyond the cheapest that beam pricing offers per worker and round.
    public var alternativesPerWorker = 2
    /// Patterns each free worker keeps in the LP after a solve (0: all): the others that the LP does not
    /// use are parked, those of least reduced cost kept (`Master.park`). GLPK's simplex leaves fixed
    /// columns out, so the LP it solves each round stays small; a parked pattern returns when pricing
    /// finds it below its worker's dual. (Curtois & Qu 12 at 60 s: with 9-12 free workers, 6,000-6,500
    /// of their patterns in the LP, a dive's LP solve took 40-65 ms and the dive ran out of time after
    /// 48-50 steps; with 40 each, about 12 ms, and the dive ends in 20-31 s at 4040, the optimum.)
    public var keptPerWorker = 40
    /// Name written into results.
    public var name = "colgen"
    /// Seed of the randomised choices (later dives).
    public var seed: UInt64 = 1
    /// While the best rota is more than this share above the root's bound, the dive is repeated (with
    /// other choices) rather than the time going to the tree.
    public var rediveGap = 0.01
    /// Later dives stop once this many in a row have not improved the best rota.
    public var redivesWithoutGain = 2
    /// A step of a dive on patterns that raises the master LP by more than this share is tried again:
    /// undone, its first pattern banned for the rest of the dive, and others fixed from the LP without
    /// it. The first try within the share stays; when all `stepTries` tries rise further, the one with the
    /// least LP. At most `diveRetries` retries a dive. (Curtois & Qu 8 at 60 s, seeds 1-6: first dives of
    /// 1308-1331 against 1308-1621, and every run within 2.3 % of the best known; with 3 tries a step and
    /// 4 retries, seeds 1-3 ended at 1414-1509 where a fifth try would have stayed within the share.)
    public var retryJump = 0.01
    public var stepTries = 5
    public var diveRetries = 8

    public init(withLP: @escaping LPSession, solveMIP: @escaping MIPFunction) {
        self.withLP = withLP
        self.solveMIP = solveMIP
    }

    /// Why column generation does not model `instance` exactly; nil when it does.
    public static func inapplicable(_ instance: Instance) -> String? { PatternPricer(instance).inapplicable }

    /// Improves on `start` (a valid rota) within `timeLimit` seconds; the result carries the bound
    /// from the master's LP when pricing proved it. Nil where column generation does not model the
    /// instance exactly (`inapplicable`).
    public func solve(_ instance: Instance, start: Assignment, timeLimit: Double) -> SolverResult? {
        let clock = Stopwatch()
        var notes: [String] = []
        let pricer = PatternPricer(instance)
        guard pricer.inapplicable == nil else { return nil }
        let pricers = [pricer] + (1..<max(1, threads)).map { _ in PatternPricer(instance) }
        let startObjective = Checker.check(start, in: instance).objective.total
        // The start's patterns first: the master is then feasible from its first solve.
        var master: Master
        do {
            master = try Master(instance: instance, start: start, pricer: pricer)
        } catch {
            return SolverResult(assignment: start, status: .feasible, solver: name, seconds: clock.seconds,
                                notes: ["column generation not used: the start's pattern of \(instance.workers[error.worker].id) is not one the pricing models"])
        }
        var best = start, bestObjective = startObjective
        /// Keeps `a` if the checker finds it valid and better; notes it as `what` (nil: no note). Returns
        /// its objective (nil when the checker rejects it).
        @discardableResult
        func consider(_ a: Assignment, _ what: String?) -> Int? {
            let report = Checker.check(a, in: instance)
            if let what {
                notes.append("\(what): objective \(report.objective.total)" + (report.isFeasible ? "" : " (rejected by the checker)"))
            }
            if report.isFeasible && report.objective.total < bestObjective { best = a; bestObjective = report.objective.total }
            return report.isFeasible ? report.objective.total : nil
        }
        let dive = self.dive ?? (instance.days > 28 ? .days : .patterns)
        var bound: Double?
        func proved() -> Bool { bound.map { bestObjective <= leastWholeObjective(bound: $0) } ?? false }

        do {
            try withLP(master.shell()) { lp in
                // The root: beam pricing while it finds patterns, exact pricing to finish and to bound. (Exact
                // pricing finds patterns the beam misses; without them the dive does worse: Curtois & Qu 8 at
                // 60 s, 1677 against 1344-1468.)
                // Parking (`keptPerWorker`) where the dive is on patterns. (Over 42-84 days, where it is on
                // days, the stand-ins' medians over seeds 1-3 were 578 / 2142 / 1410 / 4393 with it against
                // 674 / 2224 / 1312 / 4120 without: two better, two worse. Benchmarks/RESULTS.md, session 28.)
                let park = dive == .patterns
                let root = generate(&master, lp: lp, pricers: pricers, until: timeLimit * pricingShare, clock: clock,
                                    exact: true, stopAt: startObjective, park: park)
                bound = root.bound
                notes.append(String(format: "root: %d rounds, %d patterns, master LP %.2f, %.1f s (LP %.1f s, pricing %.1f s)",
                                    root.rounds, master.columns.count, root.lp?.objective ?? .nan, clock.seconds,
                                    root.lpSeconds, root.pricingSeconds)
                             + (root.converged ? ", converged" : ", stopped at its share of the time")
                             + (root.lpTimedOut ? " (an LP solve stopped at it)" : "")
                             + (bound.map { String(format: ", bound %.2f", $0) } ?? ""))
                guard let rootValues = root.lp?.values, !proved() else { return }
                let diveEnd = timeLimit * diveShare
                var rng = SeededGenerator(seed: seed)
                /// Dives from the root's LP (`values`) until the LP is whole or the clock reaches `end`: fixes
                /// what the LP all but chooses, prices again, and so on. With `shuffle`, each step ranks the
                /// fractional patterns (or, on days, the fractional decisions) below `diveFix` by their share
                /// times a random factor of 0.5-1, so that a second dive takes other roads. Offers its rota
                /// (noted unless `label` is nil); returns the seconds it took and the rota's objective (nil:
                /// none, or rejected).
                func runDive(until end: Double, shuffle: Bool, label: String?) -> (seconds: Double, objective: Int?) {
                    var values = rootValues
                    var objective: Int?
                    var steps = 0
                    let diveStart = clock.seconds
                    var whole = false
                    // The master LP's objective after each step (noted for the first dive): where a dive
                    // leaves the root's bound shows which of its steps cost the rota.
                    var trail: [Double] = []
                    // Where the dive's time goes: pricing rounds, LP and pricing seconds over its steps.
                    var rounds = 0, lpSeconds = 0.0, pricingSeconds = 0.0
                    // Tries of the step under way that raised the LP too far (their LP, what they fixed), the
                    // LP before it, and retries left. (The patterns retries ban are the master's, `Master.ban`.)
                    var tries: [(z: Double, fixed: [(w: Int, j: Int)])] = []
                    var before = root.lp?.objective ?? 0, retriesLeft = diveRetries
                    var fixedNow: [(w: Int, j: Int)] = []
                    var undone: [String] = []
                    func count(_ g: Generation) { rounds += g.rounds; lpSeconds += g.lpSeconds; pricingSeconds += g.pricingSeconds }
                    /// Prices to convergence again after a step is undone (banned patterns stay out).
                    func reprice() -> Generation {
                        let g = generate(&master, lp: lp, pricers: pricers, until: end, clock: clock, exact: false, stopAt: nil, park: park)
                        count(g)
                        return g
                    }
                    defer {
                        if let label, !trail.isEmpty {
                            notes.append("\(label): master LP by step " + trail.map { String(format: "%.1f", $0) }.joined(separator: " ")
                                         + String(format: " (%d pricing rounds, LP %.1f s, pricing %.1f s)", rounds, lpSeconds, pricingSeconds)
                                         + (undone.isEmpty ? "" : "; steps tried again: " + undone.joined(separator: ", ")))
                        }
                    }
                    while clock.seconds < end {
                        var candidates = master.freeColumns(lpValues: values)
                        if candidates.allSatisfy({ $0.v > 1 - 1e-6 }) {
                            objective = consider(master.assignment(lpValues: values),
                                                 label.map { String(format: "%@ on %@ (%d steps, %.1f s)", $0, dive.rawValue, steps, clock.seconds - diveStart) })
                            whole = true
                            break
                        }
                        /// A share's rank: the share itself, or in a later dive, below `diveFix`, times 0.5-1 at random.
                        func rank(_ v: Double) -> Double {
                            shuffle && v < diveFix ? v * (0.5 + 0.5 * Double(rng.int(1 << 20)) / Double(1 << 20)) : v
                        }
                        candidates = candidates.map { (key: rank($0.v), c: $0) }.sorted { $0.key > $1.key }.map(\.c)
                        // How many of `open` decisions a step fixes at least, for the dive to end in time at the
                        // pace of its steps so far.
                        let pace = steps > 0 ? (clock.seconds - diveStart) / Double(steps) : nil
                        let atLeast = { (open: Int) -> Int in
                            guard let pace else { return 1 }
                            let stepsLeft = max(1, (end - clock.seconds) / max(pace, 1e-3))
                            return max(1, Int((Double(open) / stepsLeft).rounded(.up)))
                        }
                        switch dive {
                        case .patterns:
                            // Every pattern the LP all but takes, and at least that many of the free workers' largest.
                            let least = atLeast(master.fixed.filter { $0 == nil }.count)
                            fixedNow = []
                            for c in candidates where c.v >= diveFix || fixedNow.count < least {
                                let w = master.columns[c.j].worker
                                if master.fixed[w] == nil { master.fix(w, to: c.j, in: lp); fixedNow.append((w, c.j)) }
                            }
                        case .days:
                            fixDays(&master, lp: lp, columns: candidates, atLeast: atLeast, rank: rank)
                        }
                        steps += 1
                        let step = generate(&master, lp: lp, pricers: pricers, until: end, clock: clock, exact: false,
                                            stopAt: nil, maxRounds: dive == .days ? dayDiveRounds : .max, park: park)
                        count(step)
                        guard let next = step.lp?.values else {
                            // Out of time in its first LP: the rounding below, from the last step's LP.
                            if clock.seconds < end { notes.append("\(label ?? "a later dive") on \(dive.rawValue): the master LP did not solve after \(steps) steps") }
                            break
                        }
                        values = next
                        guard let z = step.lp?.objective else { continue }
                        if dive == .patterns, let first = fixedNow.first, z > before + retryJump * abs(before) {
                            if retriesLeft > 0 && tries.count + 1 < stepTries {
                                // Too far up: undo the step, ban its first pattern, and fix others from the LP without it.
                                retriesLeft -= 1
                                tries.append((z, fixedNow))
                                undone.append(String(format: "%.1f", z))
                                for f in fixedNow { master.release(f.w, in: lp) }
                                master.ban(first.j, in: lp)
                                guard let v = reprice().lp?.values else { break }
                                values = v
                                continue
                            }
                            if let best = tries.min(by: { $0.z < $1.z }), best.z < z - 1e-6 {
                                // An earlier try was better: back to it.
                                for f in fixedNow { master.release(f.w, in: lp) }
                                for f in best.fixed { master.fix(f.w, to: f.j, in: lp) }
                                let again = reprice()
                                guard let v = again.lp?.values, let z2 = again.lp?.objective else { break }
                                values = v
                                undone.append(String(format: "back to %.1f", z2))
                                tries = []; before = z2; trail.append(z2)
                                continue
                            }
                        }
                        tries = []; before = z; trail.append(z)
                    }
                    if !whole {
                        // Out of time (or out of LP): each free worker takes the pattern the LP gives most of.
                        var chosen = master.fixed
                        for c in master.freeColumns(lpValues: values).sorted(by: { $0.v > $1.v }) {
                            let w = master.columns[c.j].worker
                            if chosen[w] == nil { chosen[w] = c.j }
                        }
                        let fixedCount = master.fixed.filter { $0 != nil }.count
                        let settled = dive == .patterns ? "\(fixedCount) of \(master.W) workers fixed"
                            : "\(master.days.reduce(0) { $0 + $1.count }) worker-shift pairs fixed"
                        if chosen.allSatisfy({ $0 != nil }) {
                            let why = clock.seconds >= end ? "out of time" : "stopped"
                            objective = consider(master.assignment(columns: chosen.compactMap { $0 }),
                                                 label.map { "\($0) on \(dive.rawValue): \(why) after \(steps) steps (\(settled)), rounded" })
                        }
                    }
                    master.unfixAll(in: lp)
                    master.liftBans(in: lp)
                    return (clock.seconds - diveStart, objective)
                }
                // Further dives, each from the root with other choices at fractional patterns, while the best
                // rota is more than `rediveGap` above the bound, a dive last gained within `redivesWithoutGain`
                // dives, and half a dive fits before the dive's end (a dive paces itself to end in time). The
                // tree, which gets the rest, finds little where the gap is wide: Curtois & Qu 8 at 60 s, 9-22
                // nodes and no rota in 9-22 s; 2-4 dives there gave 1309-1313 in 8 runs of 11, against
                // 1400-1419 from one (Benchmarks/RESULTS.md).
                let first = runDive(until: diveEnd, shuffle: false, label: "dive")
                var seconds = first.seconds
                let later = redive(bound: bound, best: { bestObjective },
                                   fits: { clock.seconds + 0.5 * seconds / Double($0 + 1) < diveEnd }) {
                    let d = runDive(until: diveEnd, shuffle: true, label: nil)
                    seconds += d.seconds
                    return d.objective
                }
                if !later.isEmpty {
                    notes.append(String(format: "%d later dives in %.1f s: objectives %@; best %d", later.count,
                                        seconds - first.seconds, later.map { $0.map(String.init) ?? "none" }.joined(separator: ", "),
                                        bestObjective))
                }
                // Branch and price, from the root, in the time the dives left; only where exact pricing bounded
                // the root. (Where it fell back to the beam there, it would at every node, and with no bounds
                // the tree is a slow dive: Instance8, 47 nodes in 17 s and no rota.)
                let treeEnd = timeLimit * diveShare
                guard searchTree, bound != nil, clock.seconds < treeEnd - 0.5, !proved() else { return }
                let before = bestObjective, treeStart = clock.seconds
                // The tree searches the whole pool: its nodes' LPs have a point because both children keep a
                // pattern of the parent's LP, which a parked pattern could break.
                master.unparkAll(in: lp)
                // (The tree's rotas are many: its note below counts them.)
                let tree = branchAndPrice(&master, lp: lp, pricers: pricers, until: treeEnd, clock: clock, bound: bound,
                                          best: { bestObjective }, offer: { consider($0, nil) })
                if tree.exhausted {
                    bound = Double(bestObjective)
                } else if let b = tree.openBound {
                    bound = max(bound ?? -.infinity, min(Double(bestObjective), b))
                }
                notes.append(String(format: "branch and price: %d nodes, %d rotas at whole LPs, %.1f s (%d rounds, LP %.1f s, pricing %.1f s); best %d (from %d)",
                                    tree.nodes, tree.found, clock.seconds - treeStart, tree.rounds, tree.lpSeconds, tree.pricingSeconds,
                                    bestObjective, before)
                             + (tree.exhausted ? ", every node searched or pruned" : tree.openBound.map { String(format: ", open nodes bound %.2f", $0) } ?? "")
                             + (tree.unsettled > 0 ? ", \(tree.unsettled) nodes set aside unproved" : ""))
            }
        } catch {
            notes.append("column generation stopped: \(error)")
        }

        // Price and branch: the master's integer programme over every pattern found, from the best rota.
        // GLPK may overrun its limit a little.
        let remaining = (timeLimit - clock.seconds) * 0.9 - 0.2
        if integerProgramme ?? (dive == .patterns), remaining > 0.5 && !proved() {
            let model = master.integerProgramme()
            let chosen = instance.workers.indices.compactMap { w in master.index(of: w, shifts: best.shifts(of: w)) }
            let warm = chosen.count == instance.workers.count ? master.point(choosing: chosen) : nil
            if let r = try? solveMIP(model, warm, remaining), r.hasSolution, let values = r.values {
                consider(master.assignment(mipValues: values), "master integer programme (\(r.termination))")
            }
        }
        var status = SolveStatus.feasible
        if let b = bound, bestObjective <= leastWholeObjective(bound: b) {
            status = .optimal
            notes.append(wholeNumberProofNote(objective: bestObjective, bound: b))
        }
        return SolverResult(assignment: best, status: status, bound: bound, solver: name, seconds: clock.seconds, notes: notes)
    }
}

extension ColumnGenerationSolver {
    /// Later dives: runs `dive` (which offers its rota, so that `best` may fall, and returns its objective,
    /// nil for none) while `best()` is more than `rediveGap` above `bound` and not proved optimal by it,
    /// fewer than `redivesWithoutGain` dives in a row have left `best()` where it was, and `fits(n)` says a
    /// dive fits after the n so far. Returns each dive's objective.
    func redive(bound: Double?, best: () -> Int, fits: (Int) -> Bool, dive: () -> Int?) -> [Int?] {
        var objectives: [Int?] = []
        var sinceGain = 0
        while let b = bound, Double(best()) > b + rediveGap * abs(b), best() > leastWholeObjective(bound: b),
              sinceGain < redivesWithoutGain, fits(objectives.count) {
            let before = best()
            objectives.append(dive())
            sinceGain = best() < before ? 0 : sinceGain + 1
        }
        return objectives
    }
}

extension ColumnGenerationSolver {
    struct Generation {
        /// The last LP solved to optimality (over the fixings of this call; patterns added since are
        /// at 0 in it, so it is still a point of the master LP).
        var lp: MIPResult?
        var bound: Double?
        var rounds = 0
        var converged = false
        /// An LP solve stopped at the time limit (the LP above is then the one before it).
        var lpTimedOut = false
        var lpSeconds = 0.0
        var pricingSeconds = 0.0
        /// Exact pricing, complete for every worker, found nothing to add: the LP is the relaxation's
        /// optimum over the fixings.
        var exactConverged = false

        /// Keeps `solved` if optimal and says so. An LP stopped by the time limit keeps the last
        /// optimal one; any other failure leaves no LP.
        mutating func take(_ solved: MIPResult) -> Bool {
            switch solved.termination {
            case .optimal where solved.values != nil: lp = solved; return true
            case .timeLimit: lpTimedOut = true
            default: lp = nil
            }
            return false
        }
    }

    /// One step of a dive on days. Its decisions are a worker's day: a shift worked, or none of the
    /// day's. It fixes every decision the LP all but takes (`diveFix`), and at least `atLeast(n)` of the
    /// largest, where n workers' days are fractional in the LP (`columns`). A decision is fixed only where a
    /// pattern the LP takes of that worker keeps it and the worker's earlier fixings, so the LP can keep
    /// that pattern. Fixing days rather than whole patterns leaves pricing free to fit each worker's
    /// other days to what the others need. Decisions are taken in the order of `rank` of their shares
    /// (the share itself in a first dive; a later dive's random factor below `diveFix`).
    func fixDays(_ master: inout Master, lp: any IncrementalLP, columns: [(j: Int, v: Double)], atLeast: (Int) -> Int,
                 rank: (Double) -> Double = { $0 }) {
        var support = [[Int]](repeating: [], count: master.W)
        for c in columns { support[master.columns[c.j].worker].append(c.j) }
        let (decisions, fractionalDays) = dayDecisions(master, columns: columns)
        let least = atLeast(fractionalDays)
        var fixedNow = 0
        let ranked = decisions.map { (key: rank($0.v), d: $0) }
            .sorted { ($0.key, -$0.d.w, -$0.d.day) > ($1.key, -$1.d.w, -$1.d.day) }.map(\.d)
        for d in ranked where d.v >= diveFix || fixedNow < least {
            let changes: [(h: Int, works: Bool)] = d.shift.map { [($0, true)] } ?? master.shiftsOnDay[d.day].map { ($0, false) }
            let new = changes.filter { master.days[d.w][$0.h] == nil }
            // (A pattern the LP takes keeps the worker's fixings, so where one keeps `new`, `changes` agree
            // with the fixings.)
            guard !new.isEmpty, support[d.w].contains(where: { j in
                      let p = master.columns[j]
                      return master.allows(p) && new.allSatisfy { p.shifts.contains($0.h) == $0.works }
                  }) else { continue }
            for c in new { master.fix(d.w, shift: c.h, works: c.works, in: lp) }
            fixedNow += 1
        }
        // Nothing could be fixed (each fractional decision clashes with a fixing): fix the largest pattern.
        if fixedNow == 0, let c = columns.filter({ master.fixed[master.columns[$0.j].worker] == nil && master.allows(master.columns[$0.j]) })
            .max(by: { $0.v < $1.v }) {
            master.fix(master.columns[c.j].worker, to: c.j, in: lp)
        }
    }

    /// The decisions of a dive on days at an LP point (`columns`: patterns and their values): per
    /// worker, each shift not fixed that some but not all of the worker's patterns work, and each day
    /// that some but not all of them leave off, with how much of it the LP takes; and how many
    /// worker-days have a fractional shift.
    func dayDecisions(_ master: Master, columns: [(j: Int, v: Double)])
        -> (decisions: [(w: Int, shift: Int?, day: Int, v: Double)], fractionalDays: Int) {
        let inst = master.instance
        var shiftShare = [[Int: Double]](repeating: [:], count: master.W)
        var dayShare = [[Int: Double]](repeating: [:], count: master.W)
        for c in columns {
            let p = master.columns[c.j]
            for h in p.shifts { shiftShare[p.worker][h, default: 0] += c.v }
            // Once a pattern, however many of the day's shifts it works.
            for d in Set(p.shifts.map { inst.shifts[$0].day }) { dayShare[p.worker][d, default: 0] += c.v }
        }
        var decisions: [(w: Int, shift: Int?, day: Int, v: Double)] = []
        var fractionalDays = Set<[Int]>()
        for w in 0..<master.W {
            for (h, v) in shiftShare[w] where v < 1 - 1e-6 && master.days[w][h] == nil {
                decisions.append((w, h, inst.shifts[h].day, v))
                fractionalDays.insert([w, inst.shifts[h].day])
            }
            for (d, v) in dayShare[w] where v < 1 - 1e-6 {
                decisions.append((w, nil, d, 1 - v))
            }
        }
        return (decisions, fractionalDays.count)
    }

    /// Prices `workers` (each against its own `duals`) on every pricer's thread; nil for a worker not
    /// priced (no plan, or out of time).
    func price(_ workers: [Int], pricers: [PatternPricer], duals: [[Double]], cutoffs: [Double]? = nil, exact: Bool, until end: Double,
               clock: Stopwatch) -> [(patterns: [ShiftPattern], lowest: Double?)?] {
        var out = [(patterns: [ShiftPattern], lowest: Double?)?](repeating: nil, count: workers.count)
        let alternatives = exact ? 0 : alternativesPerWorker
        out.withUnsafeMutableBufferPointer { buffer in
            // Each thread writes its own slots and uses its own pricer (a pricer is not thread-safe).
            nonisolated(unsafe) let slots = buffer
            nonisolated(unsafe) let pricers = pricers
            DispatchQueue.concurrentPerform(iterations: pricers.count) { t in
                var k = t
                while k < workers.count && clock.seconds < end {
                    slots[k] = pricers[t].price(worker: workers[k], shiftDuals: duals[k], exact: exact, alternatives: alternatives,
                                                cutoff: cutoffs?[k])
                    k += pricers.count
                }
            }
        }
        return out
    }

    /// Column generation on `master` until no pattern prices out or the clock reaches `until`:
    /// beam pricing while it finds patterns, then (with `exact`) exact pricing, which also bounds
    /// the LP over the fixings while no whole pattern is fixed (days may be: a branch of the tree).
    /// Stops early once the bound reaches `stopAt` (a rota's objective: nothing better can exist).
    /// With `park`, each free worker keeps `keptPerWorker` patterns in the LP after each solve
    /// (`Master.park`); pricing brings back a parked pattern it finds again.
    func generate(_ master: inout Master, lp: any IncrementalLP, pricers: [PatternPricer], until end: Double,
                  clock: Stopwatch, exact allowExact: Bool, stopAt: Int?, maxRounds: Int = .max, park: Bool = false) -> Generation {
        var g = Generation()
        var exact = false
        var exactFailed = false
        // With no whole pattern fixed, exact pricing bounds the LP over the fixings (the root's, or a
        // branch's); with none at all, convergence does too.
        let noPatternFixed = master.fixed.allSatisfy { $0 == nil }
        let unfixed = noPatternFixed && master.days.allSatisfy { $0.isEmpty }
        while clock.seconds < end {
            // Out of rounds: this LP, over the patterns so far, is the last.
            let prices = g.rounds < maxRounds
            if prices { g.rounds += 1 }
            let t0 = clock.seconds
            master.load(into: lp)
            // No solve runs past `end` (one of the root's once took 34 s of a 21 s share).
            let solved = lp.solve(timeLimit: end - clock.seconds)
            g.lpSeconds += clock.seconds - t0
            guard g.take(solved), prices, let duals = solved.rowDuals, let z = solved.objective else { return g }
            let t1 = clock.seconds
            let shiftDuals = master.shiftDuals(duals)
            if park && keptPerWorker > 0, let values = solved.values {
                master.park(keeping: keptPerWorker, values: values, shiftDuals: shiftDuals, workerDuals: duals, in: lp)
            }
            var added = 0
            var lagrange: Double? = exact ? z : nil
            let free = master.instance.workers.indices.filter { master.fixed[$0] == nil }
            // A worker with days fixed is priced with the shifts it must work worth far more than any
            // dual and those it may not work far less; patterns that still break a fixing are not added.
            let steered = free.map { master.days[$0].isEmpty ? shiftDuals : master.steer(shiftDuals, worker: $0) }
            // Only a pattern worth less than its worker's dual enters, so pricing drops whatever cannot be
            // (on steered values, the offset below taken off).
            let cutoffs = free.map { duals[$0] - (master.days[$0].isEmpty ? 0 : master.steerOffset(worker: $0)) }
            let priced = price(free, pricers: pricers, duals: steered, cutoffs: cutoffs, exact: exact, until: end, clock: clock)
            for (w, r) in zip(free, priced) {
                let mu = duals[w]
                guard let r else { lagrange = nil; continue }
                // Steering adds the same to every pattern that keeps the worker's fixings (each must-work
                // shift `steer` cheaper), so the cheapest such pattern's value is the steered one plus that.
                // (With no pattern below the cutoff, none is: `lowest` bounds them all.)
                var low = r.lowest
                if !master.days[w].isEmpty {
                    low = (r.patterns.first.map(master.allows) ?? true) ? low.map { $0 + master.steerOffset(worker: w) } : nil
                }
                for p in r.patterns where master.allows(p) {
                    let rc = master.reducedCost(p, shiftDuals: shiftDuals, workerDual: mu)
                    guard rc < -1e-6 else { continue }
                    if master.add(p) != nil || master.unpark(worker: w, shifts: p.shifts, in: lp) { added += 1 }
                }
                if let low, let l = lagrange { lagrange = l + min(0, low - mu) } else { lagrange = nil }
            }
            g.pricingSeconds += clock.seconds - t1
            // Exact pricing that fell back to the beam for any worker will again: beam pricing only.
            if exact && lagrange == nil { exact = false; exactFailed = true }
            if let l = lagrange, noPatternFixed { g.bound = max(g.bound ?? -.infinity, l) }
            if let b = g.bound, let s = stopAt, leastWholeObjective(bound: b) >= s { g.converged = true; return g }
            if added == 0 {
                if exact || !allowExact || exactFailed {
                    g.converged = true
                    g.exactConverged = exact
                    if exact && unfixed { g.bound = max(g.bound ?? -.infinity, z) }
                    return g
                }
                exact = true
            }
        }
        return g
    }
}

/// The restricted master: one row per worker (choose one pattern), one per shift (cover, with
/// shortfall and excess paid at their weights), and rows for shifts' minimum and maximum headcounts.
struct Master {
    let instance: Instance
    var columns: [ShiftPattern] = []
    var seen: [[[Int]: Int]]
    /// Per worker: the column a dive has fixed, if any.
    var fixed: [Int?]
    /// Per worker: shifts a dive on days has fixed as worked (true) or not worked (false).
    var days: [[Int: Bool]]
    /// Patterns already in the incremental LP.
    var loaded = 0
    /// Loaded patterns of free workers set aside by `park` (bounds 0 in the LP).
    var parked = Set<Int>()
    /// Patterns pricing brought back from `parked`: never parked again. (Otherwise a pattern could
    /// leave and return round after round and generation never converge: with two kept a worker,
    /// Instance3's root ran 30,000 rounds in 600 s at its optimum without converging.)
    var returned = Set<Int>()
    /// Patterns a dive has banned (bounds 0 in the LP while their worker is free; never parked or
    /// brought back by pricing).
    var banned = Set<Int>()
    /// The shifts of each day.
    let shiftsOnDay: [[Int]]
    /// Shifts with a minimum or maximum headcount row, in row order.
    let minRows: [Int]
    let maxRows: [Int]

    init(instance: Instance) {
        self.instance = instance
        seen = Array(repeating: [:], count: instance.workers.count)
        fixed = Array(repeating: nil, count: instance.workers.count)
        days = Array(repeating: [:], count: instance.workers.count)
        var onDay = [[Int]](repeating: [], count: instance.days)
        for (h, sh) in instance.shifts.enumerated() { onDay[sh.day].append(h) }
        shiftsOnDay = onDay
        minRows = instance.shifts.indices.filter { instance.shifts[$0].min > 0 }
        maxRows = instance.shifts.indices.filter { instance.shifts[$0].max < instance.workers.count }
    }

    var W: Int { instance.workers.count }
    var H: Int { instance.shifts.count }

    /// Adds a pattern unless the master has it; its column index, or nil.
    mutating func add(_ p: ShiftPattern) -> Int? {
        guard seen[p.worker][p.shifts] == nil else { return nil }
        columns.append(p)
        seen[p.worker][p.shifts] = columns.count - 1
        return columns.count - 1
    }

    /// The column of `w` working `shifts`, if the master has it.
    func index(of w: Int, shifts: [Int]) -> Int? { seen[w][shifts] }

    /// Worker `w`'s patterns already in the incremental LP (column indices, in no order).
    func loadedColumns(of w: Int) -> [Int] { seen[w].values.filter { $0 < loaded } }

    /// The rows a pattern's column has a 1 in (LP and integer programme alike).
    func rows(of p: ShiftPattern) -> [Int] {
        var out = [p.worker]
        for h in p.shifts { out.append(W + h) }
        for (k, h) in minRows.enumerated() where p.shifts.contains(h) { out.append(W + H + k) }
        for (k, h) in maxRows.enumerated() where p.shifts.contains(h) { out.append(W + H + minRows.count + k) }
        return out
    }

    /// Every row, and each shift's shortfall and excess: the LP before any pattern is loaded.
    /// (In the incremental LP pattern j is column `lpColumn(j)`.)
    func shell() -> MIPModel {
        var m = MIPModel()
        var under: [Variable] = [], over: [Variable] = []
        for sh in instance.shifts { under.append(m.addVariable(lower: 0, objective: Double(sh.underWeight))) }
        for sh in instance.shifts { over.append(m.addVariable(lower: 0, objective: Double(sh.overWeight))) }
        for _ in 0..<W { m.addConstraint(terms: [], sense: .equal, rhs: 1) }
        for h in 0..<H {
            m.addConstraint(terms: [(under[h], 1.0), (over[h], -1.0)], sense: .equal, rhs: Double(instance.shifts[h].required))
        }
        for h in minRows { m.addConstraint(terms: [], sense: .greaterOrEqual, rhs: Double(instance.shifts[h].min)) }
        for h in maxRows { m.addConstraint(terms: [], sense: .lessOrEqual, rhs: Double(instance.shifts[h].max)) }
        return m
    }

    func lpColumn(_ j: Int) -> Int { 2 * H + j }

    /// A free pattern's upper bound in the LP: none, since its worker's row already keeps it at most 1.
    /// (With an explicit 1, the simplex may leave a pattern at that bound with a negative reduced cost,
    /// and exact pricing then finds it again and bounds by it far below the LP: 2 units on Instance5.)
    static let free = Double.infinity

    /// Loads the patterns found since the last call.
    mutating func load(into lp: any IncrementalLP) {
        while loaded < columns.count {
            let p = columns[loaded]
            let fixedTo = fixed[p.worker]
            let upper = fixedTo.map { $0 == loaded ? 1.0 : 0.0 } ?? (allows(p) && !banned.contains(loaded) ? Master.free : 0.0)
            lp.addColumn(objective: Double(p.own), lower: fixedTo == loaded ? 1 : 0, upper: upper,
                         entries: rows(of: p).map { ($0, 1.0) })
            loaded += 1
        }
    }

    /// Fixes worker `w` to pattern `j` (a dive's step); `j` is then neither parked nor banned.
    mutating func fix(_ w: Int, to j: Int, in lp: any IncrementalLP) {
        fixed[w] = j
        parked.remove(j)
        banned.remove(j)
        for k in loadedColumns(of: w) {
            lp.setBounds(column: lpColumn(k), lower: k == j ? 1 : 0, upper: k == j ? 1 : 0)
        }
    }

    /// Undoes `fix(w, to:)`: every loaded pattern of `w` returns to the LP but those banned.
    mutating func release(_ w: Int, in lp: any IncrementalLP) {
        fixed[w] = nil
        for k in loadedColumns(of: w) {
            parked.remove(k)
            lp.setBounds(column: lpColumn(k), lower: 0, upper: banned.contains(k) ? 0 : Master.free)
        }
    }

    /// Bans pattern `j` (a dive's retry): out of the LP until `liftBans`.
    mutating func ban(_ j: Int, in lp: any IncrementalLP) {
        banned.insert(j)
        parked.remove(j)
        if fixed[columns[j].worker] == nil { lp.setBounds(column: lpColumn(j), lower: 0, upper: 0) }
    }

    /// Lifts every ban: the banned patterns of free workers return to the LP.
    mutating func liftBans(in lp: any IncrementalLP) {
        for j in banned where fixed[columns[j].worker] == nil && allows(columns[j]) {
            lp.setBounds(column: lpColumn(j), lower: 0, upper: Master.free)
        }
        banned = []
    }

    /// Parks, for each free worker, its loaded patterns beyond the `keeping` of least reduced cost (at
    /// these duals) that the LP point `values` does not use: their bounds become 0, which GLPK's
    /// simplex leaves out of the problem it solves. Patterns that break a day fixing, or are banned,
    /// are out of the LP already and are not counted; patterns parked once and brought back stay (so
    /// each pattern is parked at most once, and generation converges as it did without parking).
    mutating func park(keeping: Int, values: [Double], shiftDuals: [Double], workerDuals: [Double], in lp: any IncrementalLP) {
        var candidates = [[(j: Int, rc: Double)]](repeating: [], count: W)
        var kept = [Int](repeating: 0, count: W)
        for j in 0..<loaded where !parked.contains(j) && !banned.contains(j) {
            let p = columns[j]
            guard fixed[p.worker] == nil, allows(p) else { continue }
            kept[p.worker] += 1
            guard values[lpColumn(j)] < 1e-9, !returned.contains(j) else { continue }
            candidates[p.worker].append((j, reducedCost(p, shiftDuals: shiftDuals, workerDual: workerDuals[p.worker])))
        }
        for w in 0..<W where kept[w] > keeping {
            let surplus = min(kept[w] - keeping, candidates[w].count)
            for c in candidates[w].sorted(by: { $0.rc > $1.rc }).prefix(surplus) {
                parked.insert(c.j)
                lp.setBounds(column: lpColumn(c.j), lower: 0, upper: 0)
            }
        }
    }

    /// What pattern `p` adds to the LP at these duals: its own value less what its shifts' cover rows
    /// and its worker's row are worth (below 0: it would improve the LP).
    func reducedCost(_ p: ShiftPattern, shiftDuals: [Double], workerDual: Double) -> Double {
        Double(p.own) - p.shifts.reduce(0.0) { $0 + shiftDuals[$1] } - workerDual
    }

    /// Brings every parked pattern back into the LP.
    mutating func unparkAll(in lp: any IncrementalLP) {
        for j in parked { lp.setBounds(column: lpColumn(j), lower: 0, upper: Master.free) }
        parked = []
    }

    /// Brings worker `w`'s parked pattern of `shifts` back into the LP; false when there is none.
    mutating func unpark(worker w: Int, shifts: [Int], in lp: any IncrementalLP) -> Bool {
        guard let j = seen[w][shifts], parked.remove(j) != nil else { return false }
        returned.insert(j)
        lp.setBounds(column: lpColumn(j), lower: 0, upper: Master.free)
        return true
    }

    /// Whether pattern `p` keeps every day fixing of its worker.
    func allows(_ p: ShiftPattern) -> Bool {
        days[p.worker].allSatisfy { h, works in p.shifts.contains(h) == works }
    }

    /// Fixes shift `h` as worked (or not) by worker `w`: the worker's loaded patterns that break that
    /// leave the LP.
    mutating func fix(_ w: Int, shift h: Int, works: Bool, in lp: any IncrementalLP) {
        days[w][h] = works
        for k in loadedColumns(of: w) where columns[k].shifts.contains(h) != works {
            parked.remove(k)
            lp.setBounds(column: lpColumn(k), lower: 0, upper: 0)
        }
    }

    /// `duals` for pricing worker `w`: each shift it must work worth `steer` more, each it may not work
    /// `steer` less. (1e5 is far above the duals of cover rows whose weights are far smaller, and small
    /// enough that a year of fixed shifts stays below the pricer's weight of the minimum rules.)
    func steer(_ duals: [Double], worker w: Int, steer: Double = Master.steerWeight) -> [Double] {
        var out = duals
        for (h, works) in days[w] { out[h] += works ? steer : -steer }
        return out
    }

    /// What `steer` takes off the value of each pattern that keeps worker `w`'s fixings.
    func steerOffset(worker w: Int, steer: Double = Master.steerWeight) -> Double {
        steer * Double(days[w].values.filter { $0 }.count)
    }

    static let steerWeight = 1e5

    /// Undoes the fixing of shift `h` for worker `w`: its loaded patterns that keep the other fixings
    /// return to the LP.
    mutating func unfix(_ w: Int, shift h: Int, in lp: any IncrementalLP) {
        days[w][h] = nil
        for k in loadedColumns(of: w) where allows(columns[k]) && !banned.contains(k) {
            parked.remove(k)
            lp.setBounds(column: lpColumn(k), lower: 0, upper: Master.free)
        }
    }

    /// Undoes every fixing.
    mutating func unfixAll(in lp: any IncrementalLP) {
        for w in 0..<W where fixed[w] != nil || !days[w].isEmpty {
            days[w] = [:]
            release(w, in: lp)
        }
    }

    /// The whole master (patterns, then each shift's shortfall and excess) as an integer programme.
    func integerProgramme() -> MIPModel {
        var m = MIPModel()
        let n = columns.count
        var byRow = [[Int]](repeating: [], count: W + H + minRows.count + maxRows.count)
        var vars: [Variable] = []
        vars.reserveCapacity(n + 2 * H)
        for (j, p) in columns.enumerated() {
            vars.append(m.addBinary(objective: Double(p.own)))
            for r in rows(of: p) { byRow[r].append(j) }
        }
        for sh in instance.shifts { vars.append(m.addVariable(lower: 0, objective: Double(sh.underWeight))) }
        for sh in instance.shifts { vars.append(m.addVariable(lower: 0, objective: Double(sh.overWeight))) }
        for (r, js) in byRow.enumerated() {
            var terms = js.map { (vars[$0], 1.0) }
            let sense: ConstraintSense
            let rhs: Double
            switch r {
            case ..<W: sense = .equal; rhs = 1
            case ..<(W + H):
                let h = r - W
                terms += [(vars[n + h], 1.0), (vars[n + H + h], -1.0)]
                sense = .equal; rhs = Double(instance.shifts[h].required)
            case ..<(W + H + minRows.count): sense = .greaterOrEqual; rhs = Double(instance.shifts[minRows[r - W - H]].min)
            default: sense = .lessOrEqual; rhs = Double(instance.shifts[maxRows[r - W - H - minRows.count]].max)
            }
            m.addConstraint(terms: terms, sense: sense, rhs: rhs)
        }
        return m
    }

    /// What covering shift h is worth at these duals: its cover row's, minimum row's and maximum row's.
    func shiftDuals(_ duals: [Double]) -> [Double] {
        var out = Array(duals[W..<(W + H)])
        for (k, h) in minRows.enumerated() { out[h] += duals[W + H + k] }
        for (k, h) in maxRows.enumerated() { out[h] += duals[W + H + minRows.count + k] }
        return out
    }

    /// The integer programme's point for a choice of one column per worker.
    func point(choosing chosen: [Int]) -> [Double] {
        var x = [Double](repeating: 0, count: columns.count + 2 * H)
        var counts = [Int](repeating: 0, count: H)
        for j in chosen { x[j] = 1; for h in columns[j].shifts { counts[h] += 1 } }
        for (h, sh) in instance.shifts.enumerated() {
            x[columns.count + h] = Double(max(0, sh.required - counts[h]))
            x[columns.count + H + h] = Double(max(0, counts[h] - sh.required))
        }
        return x
    }

    /// The rota of an integral point of the integer programme.
    func assignment(mipValues values: [Double]) -> Assignment {
        rota { values[$0] > 0.5 }
    }

    /// The rota of one column per worker.
    func assignment(columns chosen: [Int]) -> Assignment {
        let set = Set(chosen)
        return rota { set.contains($0) }
    }

    /// The patterns of workers not fixed that an LP point (of the incremental LP, which may have
    /// fewer columns than the master by now) takes some of, with how much.
    func freeColumns(lpValues values: [Double]) -> [(j: Int, v: Double)] {
        columns.indices.compactMap { j in
            guard fixed[columns[j].worker] == nil, lpColumn(j) < values.count, values[lpColumn(j)] > 1e-6 else { return nil }
            return (j, values[lpColumn(j)])
        }
    }

    /// The rota of an integral point of the incremental LP.
    func assignment(lpValues values: [Double]) -> Assignment {
        rota { lpColumn($0) < values.count && values[lpColumn($0)] > 0.5 }
    }

    private func rota(_ chosen: (Int) -> Bool) -> Assignment {
        var a = Assignment.empty(for: instance)
        for (j, p) in columns.enumerated() where chosen(j) {
            for h in p.shifts { a.shiftWorkers[h].append(p.worker) }
        }
        return a
    }
}

extension Assignment {
    /// The shifts worker `w` works, in shift order.
    func shifts(of w: Int) -> [Int] { shiftWorkers.indices.filter { shiftWorkers[$0].contains(w) } }
}
