// SPDX-License-Identifier: GPL-3.0-or-later

/// A mixed-integer linear program, independent of any solver:
///
///     minimise / maximise   cᵀx + c₀
///     subject to            aᵢᵀx (≤ | ≥ | =) bᵢ      for every row i
///                           l ≤ x ≤ u,  x_j integral for integer/binary columns
///
/// Storage is flat and row-major (CSR): ``rowStarts``, ``rowColumns`` and ``rowCoefficients``
/// hold every row's terms back to back, so models with hundreds of thousands of variables and
/// nonzeros build quickly and can be handed to a solver without per-row allocations.
/// Duplicate variables within one row are merged by summing their coefficients, and terms whose
/// merged coefficient is exactly zero are dropped.
///
/// `MIPModel` is a value type (copy-on-write arrays). Adding a term that refers to a variable
/// not in this model is a programming error and traps. Numerical problems (NaN, infinities,
/// inverted bounds, fractional bounds on integer columns) and name problems are *not* trapped;
/// ``validate()`` reports them, and solvers refuse a model that does not validate.
public struct MIPModel: Sendable {
    /// Direction of optimisation; minimise by default.
    public var sense: ObjectiveSense = .minimize
    /// The constant term c₀ of the objective.
    public var objectiveConstant: Double = 0

    // MARK: Column storage (parallel arrays, indexed by Variable.index)

    /// Lower bound of every column (`-.infinity` for none).
    public private(set) var lowerBounds: [Double] = []
    /// Upper bound of every column (`.infinity` for none).
    public private(set) var upperBounds: [Double] = []
    /// Kind of every column.
    public private(set) var kinds: [VariableKind] = []
    /// Objective coefficient of every column.
    public private(set) var objectiveCoefficients: [Double] = []
    /// Sanitised given names; `nil` means "use the generated name".
    private var givenVariableNames: [String?] = []

    // MARK: Row storage (CSR)

    /// Row `i` owns `rowColumns[rowStarts[i] ..< rowStarts[i + 1]]`; `rowStarts.count == numConstraints + 1`.
    public private(set) var rowStarts: [Int] = [0]
    /// 0-based column index of every nonzero, row by row.
    public private(set) var rowColumns: [Int] = []
    /// Coefficient of every nonzero, parallel to ``rowColumns``.
    public private(set) var rowCoefficients: [Double] = []
    /// Sense of every row.
    public private(set) var rowSenses: [ConstraintSense] = []
    /// Right-hand side of every row.
    public private(set) var rightHandSides: [Double] = []
    /// Sanitised given names; `nil` means "use the generated name".
    private var givenConstraintNames: [String?] = []

    // MARK: Scratch space for merging duplicates in long rows

    private var mergeStamp: [Int] = []
    private var mergePosition: [Int] = []

    /// An empty model (minimisation, no variables, no rows).
    public init(sense: ObjectiveSense = .minimize) {
        self.sense = sense
    }

    // MARK: - Counts

    /// Number of variables (columns).
    public var numVariables: Int { kinds.count }
    /// Number of constraints (rows).
    public var numConstraints: Int { rowSenses.count }
    /// Number of stored nonzero coefficients in the constraint matrix.
    public var numNonzeros: Int { rowColumns.count }
    /// Number of integer or binary variables.
    public var numIntegerVariables: Int { kinds.reduce(0) { $0 + ($1.isIntegral ? 1 : 0) } }
    /// Whether any variable is integer or binary.
    public var hasIntegerVariables: Bool { kinds.contains { $0.isIntegral } }

    /// Reserves storage ahead of a large build.
    public mutating func reserveCapacity(variables: Int, constraints: Int, nonzeros: Int) {
        lowerBounds.reserveCapacity(variables)
        upperBounds.reserveCapacity(variables)
        kinds.reserveCapacity(variables)
        objectiveCoefficients.reserveCapacity(variables)
        givenVariableNames.reserveCapacity(variables)
        rowStarts.reserveCapacity(constraints + 1)
        rowSenses.reserveCapacity(constraints)
        rightHandSides.reserveCapacity(constraints)
        givenConstraintNames.reserveCapacity(constraints)
        rowColumns.reserveCapacity(nonzeros)
        rowCoefficients.reserveCapacity(nonzeros)
    }

    // MARK: - Variables

    /// Adds a column.
    ///
    /// - Parameters:
    ///   - name: optional name; it is sanitised for the LP format (see ``LPNames/sanitize(_:)``).
    ///     When `nil` or empty, the generated name `x<index>` is used.
    ///   - lower: lower bound (`-.infinity` for none). Default 0.
    ///   - upper: upper bound, `nil` for none. For `.binary` columns `nil` means 1.
    ///   - kind: continuous, integer or binary.
    ///   - objective: objective coefficient.
    @discardableResult
    public mutating func addVariable(name: String? = nil, lower: Double = 0, upper: Double? = nil,
                                     kind: VariableKind = .continuous, objective: Double = 0) -> Variable {
        let variable = Variable(index: kinds.count)
        lowerBounds.append(lower)
        upperBounds.append(upper ?? (kind == .binary ? 1 : .infinity))
        kinds.append(kind)
        objectiveCoefficients.append(objective)
        givenVariableNames.append(name.flatMap(LPNames.sanitize))
        return variable
    }

    /// Adds a binary (0/1) column.
    @discardableResult
    public mutating func addBinary(name: String? = nil, objective: Double = 0) -> Variable {
        addVariable(name: name, lower: 0, upper: 1, kind: .binary, objective: objective)
    }

    /// Replaces the bounds of a column (`upper == nil` means no upper bound).
    public mutating func setBounds(_ variable: Variable, lower: Double, upper: Double?) {
        lowerBounds[variable.index] = lower
        upperBounds[variable.index] = upper ?? .infinity
    }

    /// Replaces the objective coefficient of a column.
    public mutating func setObjectiveCoefficient(_ coefficient: Double, for variable: Variable) {
        objectiveCoefficients[variable.index] = coefficient
    }

    /// Replaces the whole objective by `expression` (duplicates summed; constant kept as ``objectiveConstant``).
    public mutating func setObjective(_ expression: LinearExpression, sense: ObjectiveSense? = nil) {
        for j in objectiveCoefficients.indices { objectiveCoefficients[j] = 0 }
        for (k, j) in expression.variableIndices.enumerated() {
            precondition(j >= 0 && j < numVariables, "objective refers to a variable outside this model")
            objectiveCoefficients[j] += expression.coefficients[k]
        }
        objectiveConstant = expression.constant
        if let sense { self.sense = sense }
    }

    /// Lower bound of a column (`-.infinity` for none).
    public func lowerBound(of variable: Variable) -> Double { lowerBounds[variable.index] }
    /// Upper bound of a column (`.infinity` for none).
    public func upperBound(of variable: Variable) -> Double { upperBounds[variable.index] }
    /// Kind of a column.
    public func kind(of variable: Variable) -> VariableKind { kinds[variable.index] }
    /// Objective coefficient of a column.
    public func objectiveCoefficient(of variable: Variable) -> Double { objectiveCoefficients[variable.index] }

    /// The name of a column: the sanitised given name, or `x<index>`.
    public func name(of variable: Variable) -> String {
        givenVariableNames[variable.index] ?? LPNames.generatedVariableName(variable.index)
    }

    /// Whether the column was given an explicit name.
    public func hasGivenName(_ variable: Variable) -> Bool { givenVariableNames[variable.index] != nil }

    /// All variable handles.
    public var variables: [Variable] { (0..<numVariables).map(Variable.init(index:)) }

    // MARK: - Constraints

    /// Adds the row `Σ coefficient·variable  sense  rhs`. Duplicate variables are summed.
    @discardableResult
    public mutating func addConstraint(name: String? = nil, terms: [(Variable, Double)],
                                       sense: ConstraintSense, rhs: Double) -> Constraint {
        appendRow(name: name, count: terms.count, column: { terms[$0].0.index },
                  coefficient: { terms[$0].1 }, sense: sense, rhs: rhs)
    }

    /// Adds the row `Σ coefficients[k]·variables[k]  sense  rhs` from parallel arrays (fastest path).
    @discardableResult
    public mutating func addConstraint(name: String? = nil, variables: [Variable], coefficients: [Double],
                                       sense: ConstraintSense, rhs: Double) -> Constraint {
        precondition(variables.count == coefficients.count, "variables and coefficients differ in length")
        return appendRow(name: name, count: variables.count, column: { variables[$0].index },
                         coefficient: { coefficients[$0] }, sense: sense, rhs: rhs)
    }

    /// Adds the row `expression  sense  rhs`; the expression's constant is moved to the right-hand side.
    @discardableResult
    public mutating func addConstraint(name: String? = nil, _ expression: LinearExpression,
                                       sense: ConstraintSense, rhs: Double) -> Constraint {
        let columns = expression.variableIndices
        let coefficients = expression.coefficients
        return appendRow(name: name, count: columns.count, column: { columns[$0] },
                         coefficient: { coefficients[$0] }, sense: sense, rhs: rhs - expression.constant)
    }

    /// Same as ``addConstraint(name:_:sense:rhs:)``, with the expression labelled `terms:`.
    @discardableResult
    public mutating func addConstraint(name: String? = nil, terms expression: LinearExpression,
                                       sense: ConstraintSense, rhs: Double) -> Constraint {
        addConstraint(name: name, expression, sense: sense, rhs: rhs)
    }

    /// Sense of a row.
    public func sense(of constraint: Constraint) -> ConstraintSense { rowSenses[constraint.index] }
    /// Right-hand side of a row.
    public func rhs(of constraint: Constraint) -> Double { rightHandSides[constraint.index] }

    /// The merged terms of a row, as slices of the flat storage.
    public func row(_ constraint: Constraint) -> (columns: ArraySlice<Int>, coefficients: ArraySlice<Double>) {
        let range = rowStarts[constraint.index] ..< rowStarts[constraint.index + 1]
        return (rowColumns[range], rowCoefficients[range])
    }

    /// The name of a row: the sanitised given name, or `c<index>`.
    public func name(of constraint: Constraint) -> String {
        givenConstraintNames[constraint.index] ?? LPNames.generatedConstraintName(constraint.index)
    }

    /// Whether the row was given an explicit name.
    public func hasGivenName(_ constraint: Constraint) -> Bool { givenConstraintNames[constraint.index] != nil }

    /// All constraint handles.
    public var constraints: [Constraint] { (0..<numConstraints).map(Constraint.init(index:)) }

    // MARK: - Evaluation helpers

    /// Objective value `cᵀx + c₀` at `values` (indexed by column).
    public func objectiveValue(at values: [Double]) -> Double {
        precondition(values.count == numVariables, "expected \(numVariables) values, got \(values.count)")
        var sum = objectiveConstant
        for j in 0..<numVariables where objectiveCoefficients[j] != 0 {
            sum += objectiveCoefficients[j] * values[j]
        }
        return sum
    }

    /// Activity `aᵢᵀx` of every row at `values`.
    public func rowActivities(at values: [Double]) -> [Double] {
        precondition(values.count == numVariables, "expected \(numVariables) values, got \(values.count)")
        var activities = [Double](repeating: 0, count: numConstraints)
        rowColumns.withUnsafeBufferPointer { columns in
            rowCoefficients.withUnsafeBufferPointer { coefficients in
                for i in 0..<numConstraints {
                    var sum = 0.0
                    for k in rowStarts[i] ..< rowStarts[i + 1] {
                        sum += coefficients[k] * values[columns[k]]
                    }
                    activities[i] = sum
                }
            }
        }
        return activities
    }

    // MARK: - Row assembly

    /// Rows up to this length merge duplicates by a linear scan; longer rows use the stamp arrays.
    private static let shortRowLength = 12

    private mutating func appendRow(name: String?, count: Int, column: (Int) -> Int, coefficient: (Int) -> Double,
                                    sense: ConstraintSense, rhs: Double) -> Constraint {
        let rowIndex = rowSenses.count
        let start = rowColumns.count
        let columnCount = numVariables
        if count <= Self.shortRowLength {
            for k in 0..<count {
                let j = column(k)
                precondition(j >= 0 && j < columnCount, "constraint refers to a variable outside this model")
                let a = coefficient(k)
                var merged = false
                var p = start
                while p < rowColumns.count {
                    if rowColumns[p] == j { rowCoefficients[p] += a; merged = true; break }
                    p += 1
                }
                if !merged {
                    rowColumns.append(j)
                    rowCoefficients.append(a)
                }
            }
        } else {
            if mergeStamp.count < columnCount {
                mergeStamp.append(contentsOf: repeatElement(-1, count: columnCount - mergeStamp.count))
                mergePosition.append(contentsOf: repeatElement(0, count: columnCount - mergePosition.count))
            }
            for k in 0..<count {
                let j = column(k)
                precondition(j >= 0 && j < columnCount, "constraint refers to a variable outside this model")
                let a = coefficient(k)
                if mergeStamp[j] == rowIndex {
                    rowCoefficients[mergePosition[j]] += a
                } else {
                    mergeStamp[j] = rowIndex
                    mergePosition[j] = rowColumns.count
                    rowColumns.append(j)
                    rowCoefficients.append(a)
                }
            }
        }
        // Drop exact zeros (from the caller or from cancellation). NaN is kept so validate() sees it.
        var write = start
        for read in start ..< rowColumns.count where rowCoefficients[read] != 0 {
            if write != read {
                rowColumns[write] = rowColumns[read]
                rowCoefficients[write] = rowCoefficients[read]
            }
            write += 1
        }
        if write < rowColumns.count {
            rowColumns.removeSubrange(write...)
            rowCoefficients.removeSubrange(write...)
        }
        rowStarts.append(rowColumns.count)
        rowSenses.append(sense)
        rightHandSides.append(rhs)
        givenConstraintNames.append(name.flatMap(LPNames.sanitize))
        return Constraint(index: rowIndex)
    }
}
