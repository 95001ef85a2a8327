// SPDX-License-Identifier: GPL-3.0-or-later

/// How a point fares against a model (like JuMP's `primal_feasibility_report`).
public struct FeasibilityReport: Sendable {
    /// A row whose activity is on the wrong side of its right-hand side by more than the tolerance.
    public struct RowViolation: Sendable, Hashable {
        /// The row.
        public var row: Constraint
        /// `aᵢᵀx` at the point.
        public var activity: Double
        /// The row's right-hand side.
        public var rhs: Double
        /// The row's sense.
        public var sense: ConstraintSense
        /// How far the activity is outside the feasible side (positive).
        public var amount: Double
    }

    /// A column outside its bounds or (for integer columns) not integral.
    public struct VariableViolation: Sendable, Hashable {
        public enum Reason: Sendable, Hashable { case belowLower, aboveUpper, fractional, notFinite }
        /// The column.
        public var variable: Variable
        /// Its value at the point.
        public var value: Double
        /// What is wrong.
        public var reason: Reason
    }

    /// Objective value at the point (including the constant).
    public var objective: Double
    /// Violated rows, in row order.
    public var violatedRows: [RowViolation]
    /// Violated bounds and integrality, in column order.
    public var violatedVariables: [VariableViolation]
    /// The tolerance used.
    public var tolerance: Double

    /// Whether the point satisfies every row, bound and integrality requirement.
    public var isFeasible: Bool { violatedRows.isEmpty && violatedVariables.isEmpty }

    /// Largest row violation amount (0 when no row is violated).
    public var maximumViolation: Double { violatedRows.map(\.amount).max() ?? 0 }
}

/// Evaluates `values` (one per variable) against `model`.
///
/// A row `aᵀx ≤ b` is violated when `aᵀx − b > tolerance·max(1, |b|)` (similarly for `≥` and `=`);
/// a bound likewise; an integer column when its distance to the nearest integer exceeds
/// `integralityTolerance`. Precondition: `values.count == model.numVariables`.
public func evaluate(_ model: MIPModel, _ values: [Double], tolerance: Double = 1e-6,
                     integralityTolerance: Double = 1e-6) -> FeasibilityReport {
    precondition(values.count == model.numVariables,
                 "expected \(model.numVariables) values, got \(values.count)")
    var variableViolations: [FeasibilityReport.VariableViolation] = []
    for j in 0..<model.numVariables {
        let value = values[j]
        let variable = Variable(index: j)
        if !value.isFinite {
            variableViolations.append(.init(variable: variable, value: value, reason: .notFinite))
            continue
        }
        let lower = model.lowerBounds[j], upper = model.upperBounds[j]
        if lower.isFinite, lower - value > tolerance * max(1, abs(lower)) {
            variableViolations.append(.init(variable: variable, value: value, reason: .belowLower))
        } else if upper.isFinite, value - upper > tolerance * max(1, abs(upper)) {
            variableViolations.append(.init(variable: variable, value: value, reason: .aboveUpper))
        }
        if model.kinds[j].isIntegral, abs(value - value.rounded()) > integralityTolerance {
            variableViolations.append(.init(variable: variable, value: value, reason: .fractional))
        }
    }

    var rowViolations: [FeasibilityReport.RowViolation] = []
    let activities = model.rowActivities(at: values)
    for i in 0..<model.numConstraints {
        let activity = activities[i], rhs = model.rightHandSides[i], sense = model.rowSenses[i]
        let excess: Double
        switch sense {
        case .lessOrEqual: excess = activity - rhs
        case .greaterOrEqual: excess = rhs - activity
        case .equal: excess = abs(activity - rhs)
        }
        if !(excess <= tolerance * max(1, abs(rhs))) {  // also catches NaN
            rowViolations.append(.init(row: Constraint(index: i), activity: activity, rhs: rhs,
                                       sense: sense, amount: excess))
        }
    }
    return FeasibilityReport(objective: model.objectiveValue(at: values), violatedRows: rowViolations,
                             violatedVariables: variableViolations, tolerance: tolerance)
}
