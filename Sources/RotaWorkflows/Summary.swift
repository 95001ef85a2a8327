import RotaChecker
import RotaModel

/// The short human summary `rota solve` prints on stderr.
public enum Summary {
    public static func render(_ outcome: SolveOutcome, instance: Instance) -> String {
        let doc = outcome.document
        var lines: [String] = []
        guard let report = outcome.report else {
            lines.append("No valid rota: \(doc.status).")
            for r in doc.reasons ?? [] { lines.append("  \(r)") }
            return lines.joined(separator: "\n")
        }
        let assigned = doc.sessions.filter(\.isAssigned).count
        let mandatoryOpen = instance.sessions.enumerated().filter { s, info in info.mandatory && report.evaluation.assignment.sessions[s] == nil }.count
        var head = "\(doc.status) rota by \(doc.solver) in \(String(format: "%.1f", doc.seconds ?? 0)) s: objective \(doc.objective ?? 0)"
        if let b = doc.bound { head += " (bound \(leastWholeObjective(bound: b)))" }
        lines.append(head)
        lines.append("  sessions \(assigned)/\(instance.sessions.count) assigned\(mandatoryOpen > 0 ? ", \(mandatoryOpen) mandatory unassigned" : "")")
        let shiftsShort = instance.shifts.enumerated().filter { h, s in report.evaluation.assignment.shiftWorkers[h].count < s.required }.count
        if !instance.shifts.isEmpty { lines.append("  shifts \(instance.shifts.count - shiftsShort)/\(instance.shifts.count) fully covered") }
        let t = report.objective.terms
        lines.append("  terms: " + zip(Terms.names, t.values).filter { $0.1 != 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        for line in doc.sessions where !line.isAssigned {
            let why = (line.reasons ?? []).prefix(3).joined(separator: "; ")
            lines.append("  unassigned \(line.id)\(why.isEmpty ? "" : ": " + why)")
        }
        for n in doc.notes ?? [] { lines.append("  note: \(n)") }
        return lines.joined(separator: "\n")
    }
}
