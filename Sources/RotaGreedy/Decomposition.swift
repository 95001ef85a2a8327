import Foundation
import RotaModel
import RotaChecker

/// Independent parts of a scenario: groups of workers, sessions, shifts, venues and cases such that
/// no rule and no objective term links two groups. A session links the workers who could staff it,
/// its venues and its case; a shift links the workers who could work it; a case links its allocated
/// worker; a shift type with fairness links every worker who could work it. The objective is then
/// the sum of the parts' objectives, and a rota is valid exactly when each part's is.
public struct Decomposition: Sendable {
    /// One part, by ids.
    public struct Part: Sendable {
        public var workers: Set<String> = []
        public var sessions: Set<String> = []
        public var shifts: Set<String> = []
        public var venues: Set<String> = []
        public var cases: Set<String> = []
        /// A rough size, for sharing out time and cores.
        public var weight: Int { sessions.count * 4 + shifts.count + workers.count }
    }

    public let parts: [Part]

    public init(_ inst: Instance) {
        let nW = inst.workers.count, nV = inst.venues.count, nC = inst.cases.count
        let nS = inst.sessions.count, nH = inst.shifts.count
        // Union-find over workers, venues, cases, sessions and shifts (in that order).
        let vOff = nW, cOff = nW + nV, sOff = nW + nV + nC, hOff = sOff + nS
        var parent = Array(0..<(hOff + nH))
        func find(_ x: Int) -> Int {
            var r = x
            while parent[r] != r { r = parent[r] }
            var y = x
            while parent[y] != r { let n = parent[y]; parent[y] = r; y = n }
            return r
        }
        func union(_ a: Int, _ b: Int) { let ra = find(a), rb = find(b); if ra != rb { parent[ra] = rb } }

        // The workers with each list of skills asked for, found once a list. An item that every one
        // of them could take is linked to the list's first worker, and the list is then linked whole
        // (once, below): the same parts as linking the item to each of them, without a pass over the
        // workers for every item (0.3-0.4 s on a county of 600 workers and 4,215 sessions).
        var able = SkillLists(inst)
        var linked = Set<[String]>()
        func workers(with skills: [String]) -> [Int] { able.workers(with: skills) }
        for (c, info) in inst.cases.enumerated() { if let w = info.allocatedWorker { union(cOff + c, w) } }
        for (s, info) in inst.sessions.enumerated() {
            let node = sOff + s
            union(node, cOff + info.caseIndex)
            for v in info.venues { union(node, vOff + v) }
            if let p = info.pinned { for w in p.workers { union(node, w) }; if let v = p.venue { union(node, vOff + v) } }
            for w in info.preferred { union(node, w) }
            let excluded = inst.cases[info.caseIndex].excluded
            let list = workers(with: info.skills)
            if let first = list.first, !excluded.contains(where: { inst.workers[$0].hasSkills(info.skills) }) {
                union(node, first); linked.insert(info.skills)
            } else {
                for w in list where !excluded.contains(w) { union(node, w) }
            }
        }
        var fairnessSkills = [Set<[String]>](repeating: [], count: inst.shiftTypes.count)
        for (h, info) in inst.shifts.enumerated() {
            let node = hOff + h
            for w in info.pinnedWorkers { union(node, w) }
            if let first = workers(with: info.skills).first { union(node, first); linked.insert(info.skills) }
            if inst.shiftTypes[info.type].fairness { fairnessSkills[info.type].insert(info.skills) }
        }
        for skills in linked { let list = workers(with: skills); for w in list { union(list[0], w) } }
        // A shift type with fairness links every worker who could work one of its shifts.
        for lists in fairnessSkills {
            let ws = lists.flatMap { workers(with: $0) }
            if let first = ws.first { for w in ws { union(first, w) } }
        }
        // A baseline links nothing new: stability is per session and per shift.

        var partOfRoot: [Int: Int] = [:]
        var parts: [Part] = []
        func part(_ x: Int) -> Int {
            let r = find(x)
            if let k = partOfRoot[r] { return k }
            partOfRoot[r] = parts.count
            parts.append(Part())
            return parts.count - 1
        }
        for w in 0..<nW { parts[part(w)].workers.insert(inst.workers[w].id) }
        for v in 0..<nV { parts[part(vOff + v)].venues.insert(inst.venues[v].id) }
        for c in 0..<nC { parts[part(cOff + c)].cases.insert(inst.cases[c].id) }
        for s in 0..<nS { parts[part(sOff + s)].sessions.insert(inst.sessions[s].id) }
        for h in 0..<nH { parts[part(hOff + h)].shifts.insert(inst.shifts[h].id) }
        // Parts with nothing to place (a worker with no work, an unused venue) join the first part
        // that has work, so every solve has something to do.
        let busy = parts.indices.filter { !parts[$0].sessions.isEmpty || !parts[$0].shifts.isEmpty }
        if busy.isEmpty { self.parts = parts.isEmpty ? [] : [parts.reduce(into: Part()) { combine(&$0, $1) }]; return }
        var out = busy.map { parts[$0] }
        for k in parts.indices where !busy.contains(k) { combine(&out[0], parts[k]) }
        self.parts = out
    }

    /// The scenario of one part: the same rules, places and types, only the part's items
    /// (and the baseline's lines about them).
    public static func scenario(of part: Part, in sc: Scenario) -> Scenario {
        var out = sc
        out.workers = sc.workers.filter { part.workers.contains($0.id) }
        out.venues = sc.venues.filter { part.venues.contains($0.id) }
        out.cases = sc.cases.filter { part.cases.contains($0.id) }.map { c in
            // Workers of other parts could not work on the case anyway.
            var c = c; c.excludedWorkers = c.excludedWorkers.filter { part.workers.contains($0) }; return c
        }
        out.sessions = sc.sessions.filter { part.sessions.contains($0.id) }
        out.shifts = sc.shifts.filter { part.shifts.contains($0.id) }
        if var b = sc.baseline {
            b.sessions = b.sessions.filter { part.sessions.contains($0.id) }
            b.shifts = b.shifts.filter { part.shifts.contains($0.id) }
            b.allocations = b.allocations.filter { part.cases.contains($0.case) }
            b.workers = b.workers?.filter { part.workers.contains($0.id) }
            out.baseline = b
        }
        return out
    }

    /// Copies a part's rota (on its own instance) into the whole rota, by id.
    public static func merge(_ a: Assignment, of sub: Instance, into whole: inout Assignment, of inst: Instance) {
        func w(_ k: Int) -> Int { inst.workerIndex[sub.workers[k].id]! }
        for (s, p) in a.sessions.enumerated() {
            guard let p else { continue }
            let target = inst.sessionIndex[sub.sessions[s].id]!
            whole.sessions[target] = SessionPlacement(workers: p.workers.map(w), start: p.start,
                                                      venue: p.venue.map { inst.venueIndex[sub.venues[$0].id]! })
        }
        for (h, ws) in a.shiftWorkers.enumerated() { whole.shiftWorkers[inst.shiftIndex[sub.shifts[h].id]!] = ws.map(w) }
        for (c, x) in a.allocations.enumerated() { if let x { whole.allocations[inst.caseIndex[sub.cases[c].id]!] = w(x) } }
    }
}

private func combine(_ a: inout Decomposition.Part, _ b: Decomposition.Part) {
    a.workers.formUnion(b.workers); a.sessions.formUnion(b.sessions); a.shifts.formUnion(b.shifts)
    a.venues.formUnion(b.venues); a.cases.formUnion(b.cases)
}

extension Decomposition {
    /// The part of a whole rota that concerns `sub` (by id), for a part's warm start.
    static func restrict(_ a: Assignment, of inst: Instance, to sub: Instance) -> Assignment {
        var out = Assignment.empty(for: sub)
        func w(_ k: Int) -> Int? { sub.workerIndex[inst.workers[k].id] }
        for (s, p) in a.sessions.enumerated() {
            guard let p, let t = sub.sessionIndex[inst.sessions[s].id] else { continue }
            let ws = p.workers.compactMap(w)
            guard ws.count == p.workers.count else { continue }
            out.sessions[t] = SessionPlacement(workers: ws, start: p.start, venue: p.venue.flatMap { sub.venueIndex[inst.venues[$0].id] })
        }
        for (h, ws) in a.shiftWorkers.enumerated() {
            if let t = sub.shiftIndex[inst.shifts[h].id] { out.shiftWorkers[t] = ws.compactMap(w) }
        }
        for (c, x) in a.allocations.enumerated() {
            if let x, let t = sub.caseIndex[inst.cases[c].id] { out.allocations[t] = w(x) }
        }
        return out
    }
}

extension GreedySolver {
    /// Solves the independent parts of `instance` separately, `threads` at a time, and joins the rotas.
    /// Nil when the scenario has one part, or a part cannot be compiled on its own.
    func solveByParts(_ instance: Instance, options: SolveOptions) -> SolverResult? {
        let stopwatch = Stopwatch()
        let parts = Decomposition(instance).parts
        guard parts.count > 1 else { return nil }
        var compiled: [Instance] = []
        for p in parts {
            guard let sub = try? Instance.compile(Decomposition.scenario(of: p, in: instance.scenario)) else { return nil }
            compiled.append(sub)
        }
        let subs = compiled
        // Lanes (one per thread), filled largest part first into the lightest lane.
        let lanes = max(1, min(options.threads, parts.count))
        var laneParts0 = [[Int]](repeating: [], count: lanes)
        var laneWeight0 = [Int](repeating: 0, count: lanes)
        for k in parts.indices.sorted(by: { parts[$0].weight > parts[$1].weight }) {
            let l = laneWeight0.indices.min { laneWeight0[$0] < laneWeight0[$1] }!
            laneParts0[l].append(k); laneWeight0[l] += max(1, parts[k].weight)
        }
        let laneParts = laneParts0, laneWeight = laneWeight0
        let results = PartResults(count: parts.count)
        let limit = options.timeLimit
        DispatchQueue.concurrentPerform(iterations: lanes) { l in
            var left = laneWeight[l]
            for k in laneParts[l] {
                let w = max(1, parts[k].weight)
                // Each part has the lane's remaining time in proportion to its size.
                let seconds = max(0.2, (limit - stopwatch.seconds) * Double(w) / Double(max(1, left)))
                left -= w
                let o = options.passedOn(timeLimit: seconds, seed: options.seed &+ UInt64(k), threads: 1,
                                         start: options.start.map { Decomposition.restrict($0, of: instance, to: subs[k]) })
                results.set(k, self.solveWhole(subs[k], options: o))
            }
        }
        var whole = Assignment.empty(for: instance)
        var reasons: [Int: [String]] = [:]
        var notes = ["\(parts.count) independent parts (no shared worker, venue or case), solved on \(lanes) threads"]
        var solvers = Set<String>()
        for k in parts.indices {
            guard let r = results.get(k), let a = r.assignment else { return nil }
            Decomposition.merge(a, of: subs[k], into: &whole, of: instance)
            for (s, rs) in r.reasons { reasons[instance.sessionIndex[subs[k].sessions[s].id]!] = rs }
            solvers.insert(r.solver)
            if parts.count <= 8 { notes += r.notes.map { "part \(k + 1) (\(parts[k].workers.count) workers): \($0)" } }
        }
        let report = Checker.check(whole, in: instance)
        notes.append("joined rota: objective \(report.objective.total), \(report.isFeasible ? "valid" : "breaks " + report.violatedRules.joined(separator: ", "))")
        return SolverResult(assignment: whole, status: report.isFeasible ? .feasible : .error,
                            solver: solvers.contains("greedy+ls") ? "greedy+ls" : "greedy",
                            seconds: stopwatch.seconds, reasons: reasons, notes: notes)
    }
}

extension GreedySolver {
    /// One part on `options.threads` threads: the whole search on each, thread k from seed + k (thread 0
    /// is the one-thread search), to the same time limit; the best answer wins (a valid rota before one
    /// that breaks rules, then the lower objective, then the lower thread). The searches share nothing,
    /// so the answer is never worse than thread 0's alone.
    func solveSideBySide(_ instance: Instance, options: SolveOptions) -> SolverResult {
        let lanes = max(1, options.threads)
        let results = PartResults(count: lanes)
        DispatchQueue.concurrentPerform(iterations: lanes) { k in
            var o = options
            o.threads = 1
            o.seed = options.seed &+ UInt64(k)
            let r = self.solveWhole(instance, options: o)
            results.set(k, r)
        }
        var best: (k: Int, result: SolverResult, valid: Bool, objective: Int)?
        var summary: [String] = []
        for k in 0..<lanes {
            guard let r = results.get(k), let a = r.assignment else { summary.append("thread \(k + 1): no rota"); continue }
            let report = Checker.check(a, in: instance)
            let objective = report.objective.total
            summary.append("thread \(k + 1) (seed \(options.seed &+ UInt64(k))): \(report.isFeasible ? "valid" : "invalid"), objective \(objective)")
            if best == nil || (report.isFeasible && !best!.valid)
                || (report.isFeasible == best!.valid && objective < best!.objective) {
                best = (k, r, report.isFeasible, objective)
            }
        }
        // (Every search returns a rota, valid or not.)
        guard let (k, kept, _, _) = best else { preconditionFailure("no search returned a rota") }
        var r = kept
        r.notes.insert("\(lanes) independent searches side by side: " + summary.joined(separator: "; ")
                       + "; kept thread \(k + 1)'s", at: 0)
        return r
    }
}

/// Results written by the lanes.
private final class PartResults: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [SolverResult?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ r: SolverResult) { lock.lock(); values[k] = r; lock.unlock() }
    func get(_ k: Int) -> SolverResult? { lock.lock(); defer { lock.unlock() }; return values[k] }
}

/// The workers who have every skill of a list, found once a list (sessions and shifts mostly ask for
/// a few lists, so a county of 600 workers needs a few passes over its workers, not one an item).
struct SkillLists {
    let inst: Instance
    private var lists: [[String]: [Int]] = [:]
    init(_ inst: Instance) { self.inst = inst }

    mutating func workers(with skills: [String]) -> [Int] {
        if let list = lists[skills] { return list }
        let list = inst.workers.indices.filter { inst.workers[$0].hasSkills(skills) }
        lists[skills] = list
        return list
    }
}
