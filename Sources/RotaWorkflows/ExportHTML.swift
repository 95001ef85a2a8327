import Foundation
import RotaChecker
import RotaModel

/// `rota export html`: a printable, self-contained weekly rota page (no external assets): a
/// workers × days grid coloured by activity kind, the unassigned sessions with their reasons, and
/// totals per worker. Every text is escaped. Case ids only, never a case's name.
public enum ExportHTML {
    public static func render(_ doc: SolutionDocument, instance inst: Instance) -> String {
        let report = Checker.check(doc, in: inst)
        let e = report.evaluation
        let acts = WorkflowSupport.activities(e)
        let h = escape
        var o: [String] = []
        let title = "Rota: " + (inst.scenario.name.isEmpty ? "scenario" : inst.scenario.name)
        o.append("<!DOCTYPE html>")
        o.append("<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>\(h(title))</title>")
        o.append("""
        <style>
        body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;font-size:12px;margin:16px;color:#111}
        h1{font-size:18px;margin:0 0 4px}h2{font-size:14px;margin:16px 0 6px}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:3px;vertical-align:top;text-align:left}
        th{background:#eee}td.num{text-align:right}
        .a{display:block;margin:1px 0;padding:2px 3px;border-radius:3px}
        .lead{background:#cfe8ff}.transport{background:#ffe2b8}.second{background:#e2f5d6}
        .shift{background:#e6ddff}.standby{background:#f3f3f3;border:1px dashed #888}
        .legend span{margin-right:10px}.invalid{color:#a00;font-weight:bold}
        @media print{body{margin:0}h2{page-break-after:avoid}tr{page-break-inside:avoid}}
        </style></head><body>
        """)
        o.append("<h1>\(h(title))</h1>")
        let assigned = e.assignment.sessions.compactMap { $0 }.count
        o.append("<p>\(h(doc.status)) rota by \(h(doc.solver)); objective \(report.objective.total); \(assigned) of \(inst.sessions.count) sessions assigned.\(report.isFeasible ? "" : " <span class=\"invalid\">The checker finds this rota invalid (\(h(report.violatedRules.joined(separator: ", ")))).</span>")</p>")
        o.append("<p class=\"legend\"><span class=\"a lead\" style=\"display:inline\">session (lead)</span><span class=\"a transport\" style=\"display:inline\">session with transport</span><span class=\"a second\" style=\"display:inline\">second worker</span><span class=\"a shift\" style=\"display:inline\">shift</span><span class=\"a standby\" style=\"display:inline\">on-call</span></p>")
        o.append("<h2>Rota</h2><table><thead><tr><th>Worker</th>")
        for d in 0..<inst.days { o.append("<th>\(h(WorkflowSupport.dayLabel(inst, d)))</th>") }
        o.append("</tr></thead><tbody>")
        for (w, wk) in inst.workers.enumerated() {
            o.append("<tr><th>\(h(wk.id))</th>")
            for d in 0..<inst.days {
                let cell = acts[w].filter { $0.day == d }.map { x -> String in
                    let cls: String
                    switch x.kind {
                    case .session: cls = x.role == "second" ? "second" : (x.role == "lead (transport)" ? "transport" : "lead")
                    case .shift: cls = "shift"
                    case .standby: cls = "standby"
                    }
                    return "<span class=\"a \(cls)\">\(h(WorkflowSupport.cellText(inst, x)))</span>"
                }.joined()
                o.append("<td>\(cell)</td>")
            }
            o.append("</tr>")
        }
        o.append("</tbody></table>")
        let open = inst.sessions.indices.filter { e.assignment.sessions[$0] == nil }
        o.append("<h2>Unassigned sessions (\(open.count))</h2>")
        if open.isEmpty { o.append("<p>Every session is assigned.</p>") } else {
            let stated = Dictionary(doc.sessions.map { ($0.id, $0.reasons ?? []) }, uniquingKeysWith: { a, _ in a })
            o.append("<table><thead><tr><th>Session</th><th>Case</th><th>When</th><th>Why</th></tr></thead><tbody>")
            for s in open {
                let info = inst.sessions[s]
                let given = stated[info.id] ?? []
                let reasons = given.isEmpty ? WorkflowReasons.reasons(for: s, in: e) : given
                let when = info.windows.map { "\(inst.format($0.start))-\(WorkflowSupport.hhmm(inst, $0.end))" }.joined(separator: ", ")
                o.append("<tr><td>\(h(info.id))\(info.mandatory ? " (mandatory)" : "")</td><td>\(h(inst.cases[info.caseIndex].id))</td><td>\(h(when))</td><td><ul>\(reasons.map { "<li>\(h($0))</li>" }.joined())</ul></td></tr>")
            }
            o.append("</tbody></table>")
        }
        o.append("<h2>Totals per worker</h2><table><thead><tr><th>Worker</th><th>Sessions</th><th>Shifts</th><th>Working time</th><th>Contract (weekly)</th><th>Overtime</th><th>Travel</th><th>Weekends</th></tr></thead><tbody>")
        for (w, sum) in e.workerSummaries().enumerated() {
            let sessions = acts[w].filter { $0.kind == .session }.count
            let shifts = acts[w].count - sessions
            o.append("<tr><th>\(h(sum.id))</th><td class=\"num\">\(sessions)</td><td class=\"num\">\(shifts)</td><td class=\"num\">\(h(WorkflowSupport.hours(sum.weekMinutes.reduce(0, +))))</td><td class=\"num\">\(h(inst.workers[w].contractMinutes.map(WorkflowSupport.hours) ?? "-"))</td><td class=\"num\">\(sum.overtimeMinutes) min</td><td class=\"num\">\(sum.travelMinutes) min, \(String(format: "%.1f", sum.travelKm)) km</td><td class=\"num\">\(sum.weekendsWorked)</td></tr>")
        }
        o.append("</tbody></table>")
        o.append("<p><small>Cases are named by id only.</small></p>")
        o.append("</body></html>")
        return o.joined(separator: "\n") + "\n"
    }

    /// HTML text and attribute escaping.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
