// SPDX-License-Identifier: GPL-3.0-or-later

/// An affine expression `Σ coefficient·variable + constant`.
///
/// Terms are stored as two parallel arrays in insertion order; duplicates are allowed here
/// and merged (summed) when the expression is added to a ``MIPModel``. The operators are
/// conveniences for small expressions; for very large rows prefer building the arrays
/// directly with ``add(_:_:)`` or ``init(variables:coefficients:constant:)``.
public struct LinearExpression: Sendable, Hashable {
    /// Column indices of the terms (parallel to ``coefficients``).
    public private(set) var variableIndices: [Int]
    /// Coefficients of the terms (parallel to ``variableIndices``).
    public private(set) var coefficients: [Double]
    /// The constant term.
    public var constant: Double

    /// The empty expression `0`.
    public init() {
        variableIndices = []
        coefficients = []
        constant = 0
    }

    /// An expression from parallel arrays. Precondition: equal lengths.
    public init(variables: [Variable], coefficients: [Double], constant: Double = 0) {
        precondition(variables.count == coefficients.count, "variables and coefficients differ in length")
        self.variableIndices = variables.map(\.index)
        self.coefficients = coefficients
        self.constant = constant
    }

    /// An expression from `(variable, coefficient)` pairs.
    public init(_ terms: [(Variable, Double)], constant: Double = 0) {
        variableIndices = terms.map { $0.0.index }
        coefficients = terms.map { $0.1 }
        self.constant = constant
    }

    /// The expression `1·variable`.
    public init(_ variable: Variable) {
        variableIndices = [variable.index]
        coefficients = [1]
        constant = 0
    }

    /// The constant expression `value`.
    public init(constant value: Double) {
        self.init()
        constant = value
    }

    /// Number of stored terms (before merging duplicates).
    public var termCount: Int { variableIndices.count }

    /// The terms as `(variable, coefficient)` pairs, in insertion order.
    public var terms: [(Variable, Double)] {
        zip(variableIndices, coefficients).map { (Variable(index: $0), $1) }
    }

    /// Appends `coefficient·variable`.
    public mutating func add(_ coefficient: Double, _ variable: Variable) {
        variableIndices.append(variable.index)
        coefficients.append(coefficient)
    }

    /// Appends all terms and the constant of `other`, scaled by `factor`.
    public mutating func add(_ other: LinearExpression, scaledBy factor: Double = 1) {
        variableIndices.append(contentsOf: other.variableIndices)
        if factor == 1 {
            coefficients.append(contentsOf: other.coefficients)
        } else {
            coefficients.append(contentsOf: other.coefficients.lazy.map { $0 * factor })
        }
        constant += factor * other.constant
    }

    /// Reserves storage for `count` terms.
    public mutating func reserveCapacity(_ count: Int) {
        variableIndices.reserveCapacity(count)
        coefficients.reserveCapacity(count)
    }

    /// Value of the expression at `values` (indexed by column).
    public func value(at values: [Double]) -> Double {
        var sum = constant
        for k in variableIndices.indices {
            sum += coefficients[k] * values[variableIndices[k]]
        }
        return sum
    }
}

// MARK: - Operators
//
// Affine arithmetic on expressions and variables: `+`, `-` (binary and unary), scalar `*`, and the
// compound assignments. Each builds a new expression by concatenating terms; nothing is merged
// until the expression enters a model.

public func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var result = lhs
    result.add(rhs)
    return result
}

public func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var result = lhs
    result.add(rhs, scaledBy: -1)
    return result
}

public prefix func - (operand: LinearExpression) -> LinearExpression {
    var result = LinearExpression()
    result.add(operand, scaledBy: -1)
    return result
}

public func * (lhs: Double, rhs: LinearExpression) -> LinearExpression {
    var result = LinearExpression()
    result.add(rhs, scaledBy: lhs)
    return result
}

public func * (lhs: LinearExpression, rhs: Double) -> LinearExpression { rhs * lhs }

public func * (lhs: Double, rhs: Variable) -> LinearExpression {
    LinearExpression(variables: [rhs], coefficients: [lhs])
}

public func * (lhs: Variable, rhs: Double) -> LinearExpression { rhs * lhs }

public func + (lhs: Variable, rhs: Variable) -> LinearExpression {
    LinearExpression(variables: [lhs, rhs], coefficients: [1, 1])
}

public func - (lhs: Variable, rhs: Variable) -> LinearExpression {
    LinearExpression(variables: [lhs, rhs], coefficients: [1, -1])
}

public func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
    var result = lhs
    result.add(1, rhs)
    return result
}

public func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
    var result = lhs
    result.add(-1, rhs)
    return result
}

public func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression { rhs + lhs }

public func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression { LinearExpression(lhs) - rhs }

public func + (lhs: LinearExpression, rhs: Double) -> LinearExpression {
    var result = lhs
    result.constant += rhs
    return result
}

public func - (lhs: LinearExpression, rhs: Double) -> LinearExpression { lhs + (-rhs) }

public func + (lhs: Double, rhs: LinearExpression) -> LinearExpression { rhs + lhs }

public func += (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs) }

public func -= (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs, scaledBy: -1) }

public func += (lhs: inout LinearExpression, rhs: Variable) { lhs.add(1, rhs) }

public func -= (lhs: inout LinearExpression, rhs: Variable) { lhs.add(-1, rhs) }

public func += (lhs: inout LinearExpression, rhs: Double) { lhs.constant += rhs }

extension Sequence where Element == Variable {
    /// `Σ variable` over the sequence.
    public func sum() -> LinearExpression {
        var expression = LinearExpression()
        for variable in self { expression.add(1, variable) }
        return expression
    }
}
