import Foundation
import RotaChecker
import RotaModel

/// `rota reoptimise`: re-solve a published rota without churn. The scenario gets the published
/// rota as its `baseline` and a `freezeBefore`; the stability term then charges every change, and
/// H12 keeps frozen and pinned work. Besides the solver's answer, the published rota itself
/// (repaired: items that now break a hard rule, and are not frozen, dropped) is a candidate, so a
/// weak or slow backend never makes the rota worse than standing still. The chosen document
/// carries no wall-clock timing (`seconds` is omitted), so equal inputs give equal bytes.
public enum Reoptimise {
    /// One difference between the published rota and the new one.
    public struct Change: Codable, Sendable, Equatable {
        /// `session`, `shift` or `allocation`.
        public var kind: String
        public var id: String
        public var worker: String?
        /// `gains`, `loses`, `moves` (same worker, other start or venue), `allocated`.
        public var change: String
        public var before: String?
        public var after: String?
        public var message: String
    }

    public struct Result: Sendable {
        public var instance: Instance
        /// The document to write (nil when no valid rota was found).
        public var document: SolutionDocument?
        public var report: CheckReport?
        public var changes: [Change]
        /// `optimal`, `feasible`, `infeasible` or `error`.
        public var status: String
        public var notes: [String]
        /// Where the answer came from: the solver's name, or `published` (the repaired published rota).
        public var source: String

        /// The exit code for cron: 0 no change, 10 changed, 3 infeasible, 4 no valid rota.
        public var exitCode: Int32 {
            guard document != nil else { return status == "infeasible" ? 3 : 4 }
            return changes.isEmpty ? 0 : 10
        }
    }

    /// Compiles the scenario with the published rota as baseline and the freeze instant.
    public static func prepare(_ scenario: Scenario, baseline: SolutionDocument, freezeBefore: LocalDateTime,
                               file: String) throws -> Instance {
        var sc = scenario
        sc.baseline = baseline
        sc.freezeBefore = freezeBefore
        return try Instance.compile(sc, file: file)
    }

    public static func run(_ inst: Instance, choice: SolverChoice, options: SolveOptions,
                           runner: SolveRunner = SolveRunner()) -> Result {
        var notes: [String] = []
        let base = Assignment.baseline(of: inst) ?? Assignment.empty(for: inst)
        let repaired = repair(base, inst, notes: &notes)
        var opts = options
        if let r = repaired { opts.start = r }
        let outcome = runner.solve(inst, choice: choice, options: opts)

        var chosen: (Assignment, CheckReport, String, SolutionDocument?)?
        if let rep = outcome.report, outcome.isValid {
            chosen = (rep.evaluation.assignment, rep, outcome.document.solver, outcome.document)
        }
        if let r = repaired {
            let rep = Checker.check(r, in: inst)
            if rep.isFeasible {
                let better: Bool
                if let c = chosen {
                    let a = rep.objective, b = c.1.objective
                    better = (a.total, a.terms.stability) <= (b.total, b.terms.stability)
                } else { better = true }
                if better {
                    if chosen != nil { notes.append("the published rota (repaired) is at least as good as the solver's answer, so it is kept") }
                    chosen = (r, rep, "published", nil)
                }
            }
        }
        guard let (assignment, report, source, solverDoc) = chosen else {
            let status = outcome.document.status == "infeasible" ? "infeasible" : "error"
            return Result(instance: inst, document: nil, report: nil, changes: [], status: status,
                          notes: notes + (outcome.document.reasons ?? []), source: "")
        }
        var doc: SolutionDocument
        if let d = solverDoc {
            doc = d
            doc.notes = (doc.notes ?? []) + notes
        } else {
            let e = report.evaluation
            var reasons: [Int: [String]] = [:]
            for s in inst.sessions.indices where assignment.sessions[s] == nil { reasons[s] = WorkflowReasons.reasons(for: s, in: e) }
            doc = SolutionWriter.document(for: assignment, in: inst, status: "feasible", solver: "published",
                                          bound: outcome.document.bound, seconds: 0, reasons: reasons,
                                          notes: (outcome.document.notes ?? []) + notes)
        }
        // No wall-clock figures: the same inputs give the same bytes.
        doc.seconds = nil
        let stability = report.objective.terms.stability
        doc.notes = (doc.notes ?? []) + ["reoptimise: objective includes stability \(stability) against the published rota (freeze before \(inst.freezeBefore.map(inst.format) ?? "none")); check it with the published rota as the scenario's baseline"]
        doc.notes = doc.notes?.isEmpty == true ? nil : doc.notes
        return Result(instance: inst, document: doc, report: report, changes: changes(from: base, to: assignment, inst),
                      status: doc.status, notes: notes, source: source)
    }

    /// The published rota with every non-frozen item that breaks a hard rule dropped, repeated
    /// until the checker accepts it; nil when that does not converge (for example a shift's
    /// minimum cover, which dropping cannot fix).
    static func repair(_ base: Assignment, _ inst: Instance, notes: inout [String]) -> Assignment? {
        var a = base
        let freeze = inst.freezeBefore ?? Int.min
        func sessionFrozen(_ s: Int) -> Bool {
            guard let p = base.sessions[s], a.sessions[s] == p else { return false }
            return p.start < freeze || inst.sessions[s].pinned != nil
        }
        var dropped: [String] = []
        for _ in 0..<200 {
            let report = Checker.check(a, in: inst)
            if report.isFeasible {
                if !dropped.isEmpty { notes.append("dropped from the published rota as it now breaks a rule: \(dropped.joined(separator: ", "))") }
                return a
            }
            var progress = false
            for v in report.violations {
                var touched = false
                for id in v.items {
                    if let s = inst.sessionIndex[id], a.sessions[s] != nil, !sessionFrozen(s) {
                        a.sessions[s] = nil; dropped.append(id); touched = true; progress = true
                    } else if let h = inst.shiftIndex[id], inst.shifts[h].interval.start >= freeze {
                        let keep = a.shiftWorkers[h].filter { w in inst.shifts[h].pinnedWorkers.contains(w) || !v.items.contains(inst.workers[w].id) }
                        if keep.count != a.shiftWorkers[h].count {
                            dropped.append(id); a.shiftWorkers[h] = keep; touched = true; progress = true
                        }
                    }
                }
                if touched { continue }
                // Worker-level rules (weekly minutes, runs of days...): drop that worker's latest non-frozen session.
                for id in v.items {
                    guard let w = inst.workerIndex[id] else { continue }
                    let mine = a.sessions.indices.filter { a.sessions[$0]?.workers.contains(w) == true && !sessionFrozen($0) }
                    if let s = mine.max(by: { a.sessions[$0]!.start < a.sessions[$1]!.start }) {
                        a.sessions[s] = nil; dropped.append(inst.sessions[s].id); progress = true
                        break
                    }
                }
            }
            if !progress { return nil }
        }
        return nil
    }

    /// Who gains or loses which session or shift, and when.
    public static func changes(from old: Assignment, to new: Assignment, _ inst: Instance) -> [Change] {
        var out: [Change] = []
        func place(_ s: Int, _ p: SessionPlacement) -> String {
            "\(inst.format(p.start))-\(WorkflowSupport.hhmm(inst, p.start + inst.sessions[s].duration))\(p.venue.map { " at \(inst.venues[$0].id)" } ?? "")"
        }
        for (s, info) in inst.sessions.enumerated() {
            let a = old.sessions[s], b = new.sessions[s]
            if a == b { continue }
            let was = Set(a?.workers ?? []), now = Set(b?.workers ?? [])
            let before = a.map { place(s, $0) }, after = b.map { place(s, $0) }
            for w in (a?.workers ?? []) where !now.contains(w) {
                out.append(Change(kind: "session", id: info.id, worker: inst.workers[w].id, change: "loses", before: before, after: after,
                                  message: "\(inst.workers[w].id) loses \(info.id) (\(before!))"))
            }
            for w in (b?.workers ?? []) where !was.contains(w) {
                out.append(Change(kind: "session", id: info.id, worker: inst.workers[w].id, change: "gains", before: before, after: after,
                                  message: "\(inst.workers[w].id) gains \(info.id) (\(after!))"))
            }
            if let a, let b, a.start != b.start || a.venue != b.venue || a.lead != b.lead {
                let stay = b.workers.filter { was.contains($0) }
                for w in stay {
                    let role = a.lead != b.lead && (w == a.lead || w == b.lead) ? ", now \(w == b.lead ? "leads" : "supports")" : ""
                    out.append(Change(kind: "session", id: info.id, worker: inst.workers[w].id, change: "moves", before: before, after: after,
                                      message: "\(inst.workers[w].id): \(info.id) moves from \(before!) to \(after!)\(role)"))
                }
            }
        }
        for (h, shift) in inst.shifts.enumerated() {
            let was = Set(old.shiftWorkers[h]), now = Set(new.shiftWorkers[h])
            for w in old.shiftWorkers[h] where !now.contains(w) {
                out.append(Change(kind: "shift", id: shift.id, worker: inst.workers[w].id, change: "loses", before: inst.format(shift.interval.start), after: nil,
                                  message: "\(inst.workers[w].id) loses shift \(shift.id) (\(inst.format(shift.interval.start)))"))
            }
            for w in new.shiftWorkers[h] where !was.contains(w) {
                out.append(Change(kind: "shift", id: shift.id, worker: inst.workers[w].id, change: "gains", before: nil, after: inst.format(shift.interval.start),
                                  message: "\(inst.workers[w].id) gains shift \(shift.id) (\(inst.format(shift.interval.start)))"))
            }
        }
        for (c, info) in inst.cases.enumerated() where info.allocatedWorker == nil && old.allocations[c] != new.allocations[c] {
            let b = old.allocations[c].map { inst.workers[$0].id }, n = new.allocations[c].map { inst.workers[$0].id }
            out.append(Change(kind: "allocation", id: info.id, worker: n, change: "allocated", before: b, after: n,
                              message: "case \(info.id) is now allocated to \(n ?? "nobody") (was \(b ?? "nobody"))"))
        }
        return out
    }
}
