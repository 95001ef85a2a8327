import Foundation
import RotaModel

extension Evaluation {
    /// Per-worker figures for the solution's `workers` section.
    public func workerSummaries() -> [WorkerSummaryDocument] {
        instance.workers.enumerated().map { w, worker in
            let weeks = weekMinutes[w]
            let overtime = worker.contractMinutes.map { c in weeks.reduce(0) { $0 + max(0, $1 - c) } } ?? 0
            var counts: [String: Int] = [:]
            for (t, n) in shiftCounts[w].enumerated() where n > 0 { counts[instance.shiftTypes[t].id] = n }
            let km = routeKm[w].reduce(0, +)
            return WorkerSummaryDocument(id: worker.id, weekMinutes: weeks, travelMinutes: routeMinutes[w].reduce(0, +),
                                         travelKm: (km * 10).rounded() / 10, overtimeMinutes: overtime,
                                         weekendsWorked: weekendsWorked[w].count, shiftCounts: counts)
        }
    }
}

public enum SolutionWriter {
    /// Builds a `rota-solution/1` document for an assignment. The objective and terms are the
    /// checker's own, so the document is consistent by construction.
    public static func document(for assignment: Assignment, in instance: Instance, status: String, solver: String,
                                bound: Double?, seconds: Double, reasons: [Int: [String]] = [:],
                                notes: [String] = []) -> SolutionDocument {
        let report = Checker.check(assignment, in: instance)
        var doc = SolutionDocument()
        doc.scenario = instance.scenario.name
        doc.status = status
        doc.solver = solver
        doc.objective = report.objective.total
        doc.bound = bound
        doc.seconds = (seconds * 100).rounded() / 100
        doc.terms = report.objective.terms
        doc.sessions = instance.sessions.enumerated().map { s, info in
            if let p = assignment.sessions[s] {
                return SessionAssignmentDocument(id: info.id, workers: p.workers.map { instance.workers[$0].id },
                                                 start: instance.format(p.start), venue: p.venue.map { instance.venues[$0].id })
            }
            return SessionAssignmentDocument(id: info.id, unassigned: true, reasons: reasons[s] ?? [])
        }
        doc.shifts = instance.shifts.enumerated().map { h, shift in
            ShiftAssignmentDocument(id: shift.id, workers: assignment.shiftWorkers[h].map { instance.workers[$0].id })
        }
        doc.allocations = instance.cases.enumerated().compactMap { c, info in
            guard info.allocatedWorker == nil, let w = assignment.allocations[c] else { return nil }
            return AllocationDocument(case: info.id, worker: instance.workers[w].id)
        }
        doc.workers = report.evaluation.workerSummaries()
        doc.notes = notes.isEmpty ? nil : notes
        return doc
    }
}
