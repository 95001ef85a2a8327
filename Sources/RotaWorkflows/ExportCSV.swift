import Foundation
import RotaChecker
import RotaModel

/// `rota export csv`: a row per worker and activity (RFC 4180: CRLF records, fields with a
/// comma, quote or line break quoted, quotes doubled). Columns: worker, date, start, end, kind,
/// id, venue, case, role, minutes. `start`/`end` are the worker's own times (a lead's transport
/// legs included); `minutes` the working minutes counted for the activity (route travel excluded).
/// Case ids only, never a case's name.
public enum ExportCSV {
    public static let header = ["worker", "date", "start", "end", "kind", "id", "venue", "case", "role", "minutes"]

    public static func render(_ doc: SolutionDocument, instance inst: Instance) -> String {
        let a = Assignment.read(doc, instance: inst).0
        let e = Evaluation(instance: inst, assignment: a)
        var rows = [header]
        for acts in WorkflowSupport.activities(e) {
            for x in acts {
                rows.append([x.worker, WorkflowSupport.date(inst, x.start), WorkflowSupport.hhmm(inst, x.start),
                             WorkflowSupport.hhmm(inst, x.end), x.kind.rawValue, x.id, x.venueID ?? "", x.caseID ?? "",
                             x.role, String(x.minutes)])
            }
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One RFC 4180 field.
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
