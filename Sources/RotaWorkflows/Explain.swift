import Foundation
import RotaChecker
import RotaModel

/// `rota explain`: a coordinator's reading of a rota. The rota as a worker × day table, every
/// unassigned session with its reasons, the large soft costs, and each worker's hours, travel and
/// weekend/on-call counts against the team's fair share. Every figure is the checker's. A case's
/// `name` (personal data) is never printed: case ids only.
public enum Explain {
    public struct Options: Sendable {
        public var markdown = false
        /// How many cost items to list.
        public var costItems = 15
        public init(markdown: Bool = false, costItems: Int = 15) { self.markdown = markdown; self.costItems = costItems }
    }

    public static func render(_ doc: SolutionDocument, instance inst: Instance, options: Options = .init()) -> String {
        // The optional compliance rules (C1, C2) count when the scenario enables them.
        let report = Checker.check(doc, in: inst)
        let e = report.evaluation
        let md = options.markdown
        var out: [String] = []
        if doc.sessions.isEmpty && doc.shifts.isEmpty && !(inst.sessions.isEmpty && inst.shifts.isEmpty) {
            return "The solution holds no rota (status \(doc.status) by \(doc.solver)).\n"
                + (doc.reasons ?? []).map { "  \($0)\n" }.joined()
        }
        func heading(_ s: String) { out.append(""); out.append(md ? "## \(s)\n" : "\(s)\n" + String(repeating: "=", count: s.count)) }

        // Head.
        let title = "Rota explained: \(inst.scenario.name.isEmpty ? "(unnamed scenario)" : inst.scenario.name)"
        out.append(md ? "# \(title)" : title)
        out.append("")
        let assigned = e.assignment.sessions.compactMap { $0 }.count
        let mandatory = inst.sessions.indices.filter { inst.sessions[$0].mandatory }
        let mandatoryCovered = mandatory.filter { e.assignment.sessions[$0] != nil }.count
        let verdict = report.isFeasible ? "valid" : "INVALID (breaks \(report.violatedRules.joined(separator: ", ")))"
        out.append("\(md ? "- " : "")Status: \(doc.status) by \(doc.solver.isEmpty ? "unknown solver" : doc.solver); the checker finds it \(verdict).")
        out.append("\(md ? "- " : "")Objective \(report.objective.total)\(report.objectiveMismatch ? " (the file states \(doc.objective.map(String.init) ?? "none"))" : "").")
        out.append("\(md ? "- " : "")Sessions: \(assigned) of \(inst.sessions.count) assigned; mandatory \(mandatoryCovered) of \(mandatory.count).")
        if !inst.shifts.isEmpty {
            let short = inst.shifts.indices.filter { e.assignment.shiftWorkers[$0].count < inst.shifts[$0].required }
            out.append("\(md ? "- " : "")Shifts: \(inst.shifts.count - short.count) of \(inst.shifts.count) fully covered\(short.isEmpty ? "" : " (short: \(short.map { inst.shifts[$0].id }.joined(separator: ", ")))").")
        }
        if !report.violations.isEmpty {
            heading("Hard rules broken")
            for v in report.violations.prefix(40) { out.append("- \(v.rule): \(v.message)") }
            if report.violations.count > 40 { out.append("- … and \(report.violations.count - 40) more") }
        }
        for p in report.otherProblems.prefix(20) { out.append("- problem in the solution file: \(p)") }

        // The rota.
        heading("The rota (worker × day)")
        let acts = WorkflowSupport.activities(e)
        let days = Array(0..<inst.days)
        var grid: [[[String]]] = inst.workers.indices.map { w in
            days.map { d in acts[w].filter { $0.day == d }.flatMap { md ? [WorkflowSupport.cellText(inst, $0)] : WorkflowSupport.cellLines(inst, $0) } }
        }
        let workerIDs = inst.workers.map(\.id)
        if md {
            out.append("| worker | " + days.map { WorkflowSupport.dayLabel(inst, $0) }.joined(separator: " | ") + " |")
            out.append("| --- |" + String(repeating: " --- |", count: days.count))
            for (w, id) in workerIDs.enumerated() {
                let cells = grid[w].map { $0.isEmpty ? "·" : $0.map(markdownEscape).joined(separator: "<br>") }
                out.append("| \(markdownEscape(id)) | " + cells.joined(separator: " | ") + " |")
            }
        } else {
            // Columns wide enough for their longest line; workers without work shown as a dot.
            for w in grid.indices { for d in days where grid[w][d].isEmpty { grid[w][d] = ["·"] } }
            let first = max(6, workerIDs.map(\.count).max() ?? 6)
            let widths = days.map { d in max(WorkflowSupport.dayLabel(inst, d).count, grid.map { $0[d].map(\.count).max() ?? 0 }.max() ?? 0) }
            out.append(WorkflowSupport.pad("worker", first) + " | " + days.map { WorkflowSupport.pad(WorkflowSupport.dayLabel(inst, $0), widths[$0]) }.joined(separator: " | "))
            out.append(String(repeating: "-", count: first) + "-+-" + days.map { String(repeating: "-", count: widths[$0]) }.joined(separator: "-+-"))
            for (w, id) in workerIDs.enumerated() {
                let height = grid[w].map(\.count).max() ?? 1
                for k in 0..<height {
                    let name = k == 0 ? id : ""
                    out.append(WorkflowSupport.pad(name, first) + " | " + days.map { d in
                        WorkflowSupport.pad(k < grid[w][d].count ? grid[w][d][k] : "", widths[d])
                    }.joined(separator: " | "))
                }
            }
        }

        // Unassigned sessions.
        let open = inst.sessions.indices.filter { e.assignment.sessions[$0] == nil }
        heading("Unassigned sessions (\(open.count))")
        if open.isEmpty { out.append("Every session is assigned.") }
        let stated = Dictionary(doc.sessions.map { ($0.id, $0.reasons ?? []) }, uniquingKeysWith: { a, _ in a })
        for s in open {
            let info = inst.sessions[s]
            let window = info.windows.first.map { "\(inst.format($0.start))-\(WorkflowSupport.hhmm(inst, $0.end))" } ?? ""
            let tag = info.mandatory ? "mandatory" : "priority \(info.priority)"
            out.append("\(md ? "### " : "* ")\(info.id) (case \(inst.cases[info.caseIndex].id), \(info.duration) min, \(window), \(tag); costs \(info.unassignedCost))")
            let given = stated[info.id] ?? []
            let reasons = given.isEmpty ? WorkflowReasons.reasons(for: s, in: e) : given
            out.append(md ? "" : "  why (\(given.isEmpty ? "computed from the rota" : "the solver's reasons")):")
            if md { out.append("Why (\(given.isEmpty ? "computed from the rota" : "the solver's reasons")):"); out.append("") }
            for r in reasons { out.append(md ? "- \(markdownEscape(r))" : "    - \(r)") }
        }

        // Soft costs.
        let items = report.objective.items.filter { $0.term != "unassigned" }.sorted { ($1.amount, $0.term, $0.message) < ($0.amount, $1.term, $1.message) }
        heading("Largest soft costs")
        let t = report.objective.terms
        out.append("Terms: " + zip(Terms.names, t.values).filter { $0.1 != 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
                   + (t.total == 0 ? "none" : ""))
        if md { out.append("") }
        if md && !items.isEmpty { out.append("| cost | term | what |"); out.append("| ---: | --- | --- |") }
        for it in items.prefix(options.costItems) {
            out.append(md ? "| \(it.amount) | \(it.term) | \(markdownEscape(it.message)) |"
                          : "  \(WorkflowSupport.padLeft(String(it.amount), 7))  \(WorkflowSupport.pad(it.term, 10)) \(it.message)")
        }
        if items.count > options.costItems { out.append("\(md ? "" : "  ")… and \(items.count - options.costItems) smaller items") }

        // Workers.
        heading("Workers: hours, travel, weekends and on-call against the fair share")
        let summaries = e.workerSummaries()
        let fairTypes = inst.shiftTypes.indices.filter { t in inst.shiftTypes[t].fairness && inst.shifts.contains { s in s.type == t } }
        var share: [Int: Double] = [:]
        for tIdx in fairTypes {
            let eligible = inst.workers.indices.filter { w in inst.shifts.contains { $0.type == tIdx && inst.workers[w].hasSkills($0.skills) } }
            let worked = eligible.reduce(0) { $0 + e.shiftCounts[$1][tIdx] }
            share[tIdx] = eligible.isEmpty ? 0 : Double(worked) / Double(eligible.count)
        }
        let weekendsTotal = summaries.reduce(0) { $0 + $1.weekendsWorked }
        let weekendShare = inst.workers.isEmpty ? 0 : Double(weekendsTotal) / Double(inst.workers.count)
        var header = ["worker", "hours/week", "contract", "overtime", "travel", "km", "weekends"]
        header += fairTypes.map { inst.shiftTypes[$0].id }
        var rows: [[String]] = []
        for (w, sum) in summaries.enumerated() {
            let wk = inst.workers[w]
            var row = [wk.id, sum.weekMinutes.map(WorkflowSupport.hours).joined(separator: ", "),
                       wk.contractMinutes.map(WorkflowSupport.hours) ?? "-", sum.overtimeMinutes == 0 ? "0" : WorkflowSupport.hours(sum.overtimeMinutes),
                       "\(sum.travelMinutes) min", String(format: "%.1f", sum.travelKm),
                       "\(sum.weekendsWorked) (share \(String(format: "%.1f", weekendShare)))"]
            for tIdx in fairTypes {
                row.append("\(e.shiftCounts[w][tIdx]) (share \(String(format: "%.1f", share[tIdx] ?? 0)), history \(wk.historyShiftCounts[tIdx]))")
            }
            rows.append(row)
        }
        out += table(header, rows, markdown: md)
        out.append("")
        out.append("Case names are not shown: cases are named by id only.")
        return out.joined(separator: "\n") + "\n"
    }

    static func table(_ header: [String], _ rows: [[String]], markdown: Bool) -> [String] {
        if markdown {
            return ["| " + header.joined(separator: " | ") + " |", "|" + String(repeating: " --- |", count: header.count)]
                + rows.map { "| " + $0.map(markdownEscape).joined(separator: " | ") + " |" }
        }
        let widths = header.indices.map { i in max(header[i].count, rows.map { $0[i].count }.max() ?? 0) }
        let line = { (r: [String]) in r.indices.map { WorkflowSupport.pad(r[$0], widths[$0]) }.joined(separator: "  ") }
        return [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line)
    }

    static func markdownEscape(_ s: String) -> String {
        var o = ""
        for c in s {
            switch c {
            case "|": o += "\\|"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "*", "_", "`", "[", "]": o += "\\\(c)"
            case "\n": o += " "
            default: o.append(c)
            }
        }
        return o
    }
}
