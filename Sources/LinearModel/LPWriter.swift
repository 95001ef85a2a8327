// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation

/// Writes a ``MIPModel`` in CPLEX LP format:
///
///     \ comment
///     Minimize
///      obj: + 3 x0 - 2 x1 + 4
///     Subject To
///      c0: + x0 + x1 <= 10
///     Bounds
///      -inf <= x1 <= 8
///     General
///      x1
///     Binary
///      x2
///     End
///
/// Output is deterministic (variables and rows in index order, numbers in shortest round-trip
/// form) and no line is longer than ``maximumLineLength`` characters: long rows wrap between
/// terms, and an over-long term splits between its coefficient and its name. Names come from
/// ``MIPModel/name(of:)-(Variable)``; the model should pass ``MIPModel/validate()`` first (the
/// writer does not check it). Binary columns with bounds [0, 1] go to `Binary`; other binary
/// columns are written as general integers with explicit bounds.
///
/// Three things the format (as GLPK's `glp_read_lp` reads it) cannot express directly are
/// written as follows:
/// - an objective constant c₀ ≠ 0 becomes the term `c₀ _obj_constant` with the extra column
///   fixed at 1 (`_obj_constant = 1` in `Bounds`), since GLPK's reader rejects a bare constant
///   (and GLPK's own writer drops it into a comment); reading the file back therefore gives one
///   more column but the same objective values;
/// - a row with no terms is written as `0 x0 <sense> rhs` (needs at least one variable);
/// - a model with no rows gets a single dummy row `_norows: 0 x0 >= 0`, because readers require
///   the `Subject To` section.
public enum LPWriter {
    /// Longest line written (the LP format's limit is 255 characters per line in many readers).
    public static let maximumLineLength = 255

    /// The model as LP text.
    public static func string(for model: MIPModel, comment: String? = nil) -> String {
        String(decoding: bytes(for: model, comment: comment), as: UTF8.self)
    }

    /// Writes the model as LP text to `path` (atomically).
    public static func write(_ model: MIPModel, to path: String, comment: String? = nil) throws {
        let data = Data(bytes(for: model, comment: comment))
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The model as UTF-8 LP text.
    public static func bytes(for model: MIPModel, comment: String? = nil) -> [UInt8] {
        var out = LineBuffer(capacity: 64 + 16 * (model.numNonzeros + model.numVariables))
        if let comment {
            for line in comment.split(separator: "\n", omittingEmptySubsequences: false) {
                out.raw("\\ " + line.prefix(maximumLineLength - 2))
                out.newline()
            }
        }

        // Objective
        out.raw(model.sense == .minimize ? "Minimize" : "Maximize")
        out.newline()
        out.label("obj")
        var wroteTerm = false
        for j in 0..<model.numVariables where model.objectiveCoefficients[j] != 0 {
            out.term(model.objectiveCoefficients[j], model.name(of: Variable(index: j)))
            wroteTerm = true
        }
        let constantColumn = model.objectiveConstant != 0 ? constantColumnName(for: model) : nil
        if let constantColumn {
            out.term(model.objectiveConstant, constantColumn)
            wroteTerm = true
        }
        if !wroteTerm, model.numVariables > 0 { out.unit(["0", model.name(of: Variable(index: 0))]) }
        out.newline()

        // Constraints
        out.raw("Subject To")
        out.newline()
        for i in 0..<model.numConstraints {
            let constraint = Constraint(index: i)
            out.label(model.name(of: constraint))
            let (columns, coefficients) = model.row(constraint)
            if columns.isEmpty, model.numVariables > 0 {
                out.unit(["0", model.name(of: Variable(index: 0))])
            }
            for (j, a) in zip(columns, coefficients) {
                out.term(a, model.name(of: Variable(index: j)))
            }
            let relation: String
            switch model.rowSenses[i] {
            case .lessOrEqual: relation = "<="
            case .greaterOrEqual: relation = ">="
            case .equal: relation = "="
            }
            out.unit([relation, number(model.rightHandSides[i])])
            out.newline()
        }
        if model.numConstraints == 0, model.numVariables > 0 {
            out.label("_norows")
            out.unit(["0", model.name(of: Variable(index: 0)), ">=", "0"])
            out.newline()
        }

        // Bounds
        var boundLines: [[String]] = []
        var generals: [Int] = []
        var binaries: [Int] = []
        for j in 0..<model.numVariables {
            let lower = model.lowerBounds[j], upper = model.upperBounds[j]
            let name = model.name(of: Variable(index: j))
            switch model.kinds[j] {
            case .binary where lower == 0 && upper == 1:
                binaries.append(j)
                continue
            case .binary, .integer:
                generals.append(j)
            case .continuous:
                break
            }
            if lower == 0 && upper == .infinity { continue }  // the LP default
            if lower == upper {
                boundLines.append([name, "=", number(lower)])
            } else if lower == -.infinity && upper == .infinity {
                boundLines.append([name, "free"])
            } else if upper == .infinity {
                boundLines.append([name, ">=", number(lower)])
            } else {
                boundLines.append([lower == -.infinity ? "-inf" : number(lower), "<=", name, "<=", number(upper)])
            }
        }
        if let constantColumn { boundLines.append([constantColumn, "=", "1"]) }
        if !boundLines.isEmpty {
            out.raw("Bounds")
            out.newline()
            for line in boundLines {
                out.unit(line)
                out.newline()
            }
        }
        for (header, list) in [("General", generals), ("Binary", binaries)] where !list.isEmpty {
            out.raw(header)
            out.newline()
            for j in list { out.unit([model.name(of: Variable(index: j))]) }
            out.newline()
        }
        out.raw("End")
        out.newline()
        return out.bytes
    }

    /// Base name of the fixed column that carries the objective constant.
    public static let constantColumnBaseName = "_obj_constant"

    /// `_obj_constant`, lengthened with `_` until no variable of the model has that name.
    static func constantColumnName(for model: MIPModel) -> String {
        var taken = Set<String>()
        for j in 0..<model.numVariables where model.hasGivenName(Variable(index: j)) {
            let name = model.name(of: Variable(index: j))
            if name.hasPrefix(constantColumnBaseName) { taken.insert(name) }
        }
        var name = constantColumnBaseName
        while taken.contains(name) { name += "_" }
        return name
    }

    /// Shortest round-trip decimal form; integral values without a fraction.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        if value == .infinity { return "inf" }
        if value == -.infinity { return "-inf" }
        return "\(value)"
    }

    /// Accumulates output, breaking lines between units so that no line exceeds the limit.
    struct LineBuffer {
        private(set) var bytes: [UInt8] = []
        private var lineLength = 0

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        /// Appends text verbatim (caller guarantees it fits).
        mutating func raw(_ text: some StringProtocol) {
            bytes.append(contentsOf: text.utf8)
            lineLength += text.utf8.count
        }

        mutating func newline() {
            if lineLength == 0, bytes.last == UInt8(ascii: "\n") { return }
            bytes.append(UInt8(ascii: "\n"))
            lineLength = 0
        }

        /// Row label `name:` at the start of a line.
        mutating func label(_ name: String) {
            if lineLength > 0 { newline() }
            if name.utf8.count + 2 <= LPWriter.maximumLineLength {
                raw(" " + name + ":")
            } else {
                raw(name)  // a 254/255-character name: colon on the next line
                newline()
                raw(":")
            }
        }

        /// `± |coefficient| name`, with the coefficient omitted when it is 1.
        mutating func term(_ coefficient: Double, _ name: String) {
            let sign = coefficient < 0 || (coefficient == 0 && coefficient.sign == .minus) ? "-" : "+"
            let magnitude = abs(coefficient)
            if magnitude == 1 {
                unit([sign, name])
            } else {
                unit([sign, LPWriter.number(magnitude), name])
            }
        }

        /// Space-separated tokens kept on one line when possible; split between tokens otherwise.
        mutating func unit(_ tokens: [String]) {
            let length = tokens.reduce(0) { $0 + $1.utf8.count } + tokens.count  // a space before each
            if lineLength + length <= LPWriter.maximumLineLength {
                for token in tokens { raw(" "); raw(token) }
                return
            }
            if lineLength > 0, length <= LPWriter.maximumLineLength {
                newline()
                for token in tokens { raw(" "); raw(token) }
                return
            }
            for token in tokens {
                let tokenLength = token.utf8.count
                if lineLength > 0, lineLength + 1 + tokenLength > LPWriter.maximumLineLength { newline() }
                if lineLength > 0 || tokenLength < LPWriter.maximumLineLength { raw(" ") }
                raw(token)
            }
        }
    }
}
