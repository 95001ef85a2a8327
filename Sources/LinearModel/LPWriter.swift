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
        var out = LineBuffer(model: model, capacity: 64 + 16 * (model.numNonzeros + model.numVariables))
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
            out.term(model.objectiveCoefficients[j], variable: j)
            wroteTerm = true
        }
        let constantColumn = model.objectiveConstant != 0 ? constantColumnName(for: model) : nil
        if let constantColumn {
            out.term(model.objectiveConstant, name: constantColumn)
            wroteTerm = true
        }
        if !wroteTerm, model.numVariables > 0 { out.zeroTerm() }
        out.newline()

        // Constraints
        out.raw("Subject To")
        out.newline()
        for i in 0..<model.numConstraints {
            let constraint = Constraint(index: i)
            out.label(model.name(of: constraint))
            let start = model.rowStarts[i], end = model.rowStarts[i + 1]
            if start == end, model.numVariables > 0 { out.zeroTerm() }
            for k in start..<end {
                out.term(model.rowCoefficients[k], variable: model.rowColumns[k])
            }
            out.relation(model.rowSenses[i], model.rightHandSides[i])
            out.newline()
        }
        if model.numConstraints == 0, model.numVariables > 0 {
            out.label("_norows")
            out.zeroTerm()
            out.relation(.greaterOrEqual, 0)
            out.newline()
        }

        // Bounds
        var generals: [Int] = []
        var binaries: [Int] = []
        var wroteBoundsHeader = false
        func boundsHeader() {
            if !wroteBoundsHeader {
                out.raw("Bounds")
                out.newline()
                wroteBoundsHeader = true
            }
        }
        for j in 0..<model.numVariables {
            let lower = model.lowerBounds[j], upper = model.upperBounds[j]
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
            boundsHeader()
            out.begin()
            if lower == upper {
                out.variableToken(j); out.token("="); out.numberToken(lower)
            } else if lower == -.infinity && upper == .infinity {
                out.variableToken(j); out.token("free")
            } else if upper == .infinity {
                out.variableToken(j); out.token(">="); out.numberToken(lower)
            } else {
                if lower == -.infinity { out.token("-inf") } else { out.numberToken(lower) }
                out.token("<="); out.variableToken(j); out.token("<="); out.numberToken(upper)
            }
            out.end()
            out.newline()
        }
        if let constantColumn {
            boundsHeader()
            out.begin(); out.token(constantColumn); out.token("="); out.token("1"); out.end()
            out.newline()
        }
        for (header, list) in [("General", generals), ("Binary", binaries)] where !list.isEmpty {
            out.raw(header)
            out.newline()
            for j in list { out.begin(); out.variableToken(j); out.end() }
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

    /// Accumulates output, breaking lines between units (a term, a relation with its right-hand
    /// side, a bound) so that no line exceeds the limit. A unit is assembled in a scratch buffer
    /// token by token, then placed: on the current line if it fits, else on a new line, else split
    /// between its tokens. Works on bytes to keep large models fast.
    struct LineBuffer {
        private(set) var bytes: [UInt8] = []
        private var lineLength = 0
        private let model: MIPModel
        private var unit: [UInt8] = []          // " tok1 tok2 …" (each token preceded by a space)
        private var tokenStarts: [Int] = []     // offset of each token's leading space in `unit`

        init(model: MIPModel, capacity: Int) {
            self.model = model
            bytes.reserveCapacity(capacity)
            unit.reserveCapacity(600)
        }

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
                raw(" ")
                raw(name)
                raw(":")
            } else {
                raw(name)  // a 254/255-character name: colon on the next line
                newline()
                raw(":")
            }
        }

        // MARK: Units

        mutating func begin() {
            unit.removeAll(keepingCapacity: true)
            tokenStarts.removeAll(keepingCapacity: true)
        }

        mutating func token(_ text: String) {
            tokenStarts.append(unit.count)
            unit.append(UInt8(ascii: " "))
            unit.append(contentsOf: text.utf8)
        }

        /// The name of column `j`, without building a String for generated names.
        mutating func variableToken(_ j: Int) {
            let variable = Variable(index: j)
            if model.hasGivenName(variable) {
                token(model.name(of: variable))
            } else {
                tokenStarts.append(unit.count)
                unit.append(UInt8(ascii: " "))
                unit.append(UInt8(ascii: "x"))
                appendDigits(j)
            }
        }

        mutating func numberToken(_ value: Double) {
            if value == value.rounded(), abs(value) < 1e15 {
                tokenStarts.append(unit.count)
                unit.append(UInt8(ascii: " "))
                var integer = Int64(value)
                if integer < 0 { unit.append(UInt8(ascii: "-")); integer = -integer }
                appendDigits(Int(integer))
            } else {
                token(LPWriter.number(value))
            }
        }

        private mutating func appendDigits(_ value: Int) {
            if value < 10 { unit.append(UInt8(ascii: "0") + UInt8(value)); return }
            let start = unit.count
            var rest = value
            while rest > 0 {
                unit.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            }
            unit[start...].reverse()
        }

        /// Places the assembled unit.
        mutating func end() {
            let limit = LPWriter.maximumLineLength
            if lineLength + unit.count <= limit {
                bytes.append(contentsOf: unit)
                lineLength += unit.count
                return
            }
            if lineLength > 0, unit.count <= limit {
                newline()
                bytes.append(contentsOf: unit)
                lineLength = unit.count
                return
            }
            for (n, start) in tokenStarts.enumerated() {
                let end = n + 1 < tokenStarts.count ? tokenStarts[n + 1] : unit.count
                let tokenLength = end - start - 1
                if lineLength > 0, lineLength + 1 + tokenLength > limit { newline() }
                if lineLength > 0 || tokenLength < limit {
                    bytes.append(contentsOf: unit[start..<end])
                    lineLength += tokenLength + 1
                } else {
                    bytes.append(contentsOf: unit[(start + 1)..<end])
                    lineLength += tokenLength
                }
            }
        }

        // MARK: Common units

        /// `± |coefficient| name-of-column-j`, with the coefficient omitted when it is 1.
        mutating func term(_ coefficient: Double, variable j: Int) {
            begin()
            sign(coefficient)
            variableToken(j)
            end()
        }

        /// `± |coefficient| name`.
        mutating func term(_ coefficient: Double, name: String) {
            begin()
            sign(coefficient)
            token(name)
            end()
        }

        private mutating func sign(_ coefficient: Double) {
            token(coefficient < 0 || (coefficient == 0 && coefficient.sign == .minus) ? "-" : "+")
            let magnitude = abs(coefficient)
            if magnitude != 1 { numberToken(magnitude) }
        }

        /// `0 x0` (for empty rows and objectives).
        mutating func zeroTerm() {
            begin()
            token("0")
            variableToken(0)
            end()
        }

        mutating func relation(_ sense: ConstraintSense, _ rhs: Double) {
            begin()
            switch sense {
            case .lessOrEqual: token("<=")
            case .greaterOrEqual: token(">=")
            case .equal: token("=")
            }
            numberToken(rhs)
            end()
        }
    }
}
