import RotaModel

/// What the checker concludes of a rota.
public struct CheckReport: Sendable {
    public var violations: [Violation]
    /// Problems reading the solution itself (unknown ids, missing lines).
    public var otherProblems: [String]
    public var objective: ObjectiveBreakdown
    /// Set when a solution document was checked: its stated objective or terms differ.
    public var objectiveMismatch: Bool
    public var statedObjective: Int?
    public var evaluation: Evaluation

    public var violatedRules: [String] {
        Array(Set(violations.map(\.rule))).sorted()
    }

    /// No hard rule broken, the solution readable, the stated objective right.
    public var isValid: Bool { violations.isEmpty && otherProblems.isEmpty && !objectiveMismatch }

    /// No hard rule broken (stated objective aside).
    public var isFeasible: Bool { violations.isEmpty && otherProblems.isEmpty }
}

func ruleOrder(_ id: String) -> Int { Int(id.dropFirst()) ?? 99 }

/// The single judge: recomputes every hard rule and every objective term from the scenario and
/// the assignments alone.
public enum Checker {
    public static func check(_ assignment: Assignment, in instance: Instance) -> CheckReport {
        let e = Evaluation(instance: instance, assignment: assignment)
        var violations: [Violation] = []
        for rule in hardRules { violations += rule.check(e) }
        // The optional compliance rules, only where the scenario enables them.
        violations += optionalViolations(e)
        return CheckReport(violations: violations, otherProblems: [], objective: e.objective(),
                           objectiveMismatch: false, statedObjective: nil, evaluation: e)
    }

    public static func check(_ doc: SolutionDocument, in instance: Instance) -> CheckReport {
        let (a, problems) = Assignment.read(doc, instance: instance)
        var report = check(a, in: instance)
        report.otherProblems = problems
        report.statedObjective = doc.objective
        let recomputed = report.objective
        var mismatch = doc.objective != recomputed.total
        if let t = doc.terms, t != recomputed.terms { mismatch = true }
        report.objectiveMismatch = mismatch
        return report
    }
}
