import RotaChecker
import RotaModel

/// The short human summary `rota solve` prints on stderr.
public enum Summary {
    /// Unassigned sessions listed by default: a county's hundreds would bury the rest of the summary.
    public static let unassignedShown = 15

    /// The summary; at most `unassignedShown` unassigned sessions (mandatory ones first) are listed
    /// with their reasons, and a line says how many more there are (nil: every one).
    public static func render(_ outcome: SolveOutcome, instance: Instance, unassignedShown: Int? = Summary.unassignedShown) -> String {
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
        let open = doc.sessions.indices.filter { !doc.sessions[$0].isAssigned }
        // Mandatory sessions first, otherwise in the document's order (stable).
        let mandatory = Set(instance.sessions.indices.filter { instance.sessions[$0].mandatory }.map { instance.sessions[$0].id })
        let ordered = open.filter { mandatory.contains(doc.sessions[$0].id) } + open.filter { !mandatory.contains(doc.sessions[$0].id) }
        for i in ordered.prefix(unassignedShown ?? ordered.count) {
            let line = doc.sessions[i]
            let why = (line.reasons ?? []).prefix(3).joined(separator: "; ")
            lines.append("  unassigned \(line.id)\(mandatory.contains(line.id) ? " (mandatory)" : "")\(why.isEmpty ? "" : ": " + why)")
        }
        if let shown = unassignedShown, ordered.count > shown {
            lines.append("  … and \(ordered.count - shown) more unassigned sessions: each one's reasons are in the solution's `reasons`, and `rota explain` lists them all (`--verbose` lists them here)")
        }
        for n in doc.notes ?? [] { lines.append("  note: \(n)") }
        return lines.joined(separator: "\n")
    }
}
