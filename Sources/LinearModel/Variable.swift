// SPDX-License-Identifier: GPL-3.0-or-later

/// A handle to a column of a ``MIPModel``. `index` is 0-based and equals the position
/// of the variable in every per-variable array of the model (and in solution vectors).
public struct Variable: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 0-based column index.
    public let index: Int

    /// Creates a handle. Normally obtained from ``MIPModel/addVariable(name:lower:upper:kind:objective:)``.
    public init(index: Int) { self.index = index }

    public static func < (lhs: Variable, rhs: Variable) -> Bool { lhs.index < rhs.index }

    public var description: String { "Variable(\(index))" }
}

/// A handle to a row (constraint) of a ``MIPModel``. `index` is 0-based.
public struct Constraint: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 0-based row index.
    public let index: Int

    /// Creates a handle. Normally obtained from ``MIPModel/addConstraint(name:terms:sense:rhs:)``.
    public init(index: Int) { self.index = index }

    public static func < (lhs: Constraint, rhs: Constraint) -> Bool { lhs.index < rhs.index }

    public var description: String { "Constraint(\(index))" }
}

/// The domain of a variable.
public enum VariableKind: Sendable, Hashable {
    /// A real-valued variable.
    case continuous
    /// An integer-valued variable; finite bounds must be integral.
    case integer
    /// An integer variable with bounds inside [0, 1].
    case binary

    /// Whether the variable must take an integral value.
    public var isIntegral: Bool { self != .continuous }
}

/// The relation of a constraint's left-hand side to its right-hand side.
public enum ConstraintSense: Sendable, Hashable {
    /// `terms <= rhs`
    case lessOrEqual
    /// `terms >= rhs`
    case greaterOrEqual
    /// `terms == rhs`
    case equal
}

/// The direction of optimisation.
public enum ObjectiveSense: Sendable, Hashable {
    case minimize
    case maximize
}
