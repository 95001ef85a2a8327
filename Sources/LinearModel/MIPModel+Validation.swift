// SPDX-License-Identifier: GPL-3.0-or-later

extension MIPModel {
    /// Checks the model for everything a solver (or the LP format) would choke on, and returns
    /// one human-readable message per problem (empty when the model is valid):
    ///
    /// - NaN or infinite objective coefficients, objective constant, matrix coefficients or
    ///   right-hand sides;
    /// - NaN bounds, a lower bound of +∞ or an upper bound of −∞, lower > upper;
    /// - integer columns with fractional finite bounds, binary columns with bounds outside [0, 1];
    /// - names that are illegal in LP format (too long, bad characters, keywords) and duplicate
    ///   names among variables or among constraints (given names colliding with generated ones too).
    ///
    /// At most `limit` messages are returned, followed by a count of the rest.
    public func validate(limit: Int = 50) -> [String] {
        var messages: [String] = []
        var suppressed = 0
        func report(_ message: @autoclosure () -> String) {
            if messages.count < limit { messages.append(message()) } else { suppressed += 1 }
        }

        if !objectiveConstant.isFinite { report("objective constant is \(objectiveConstant)") }

        for j in 0..<numVariables {
            let lower = lowerBounds[j], upper = upperBounds[j]
            let variable = Variable(index: j)
            if !objectiveCoefficients[j].isFinite {
                report("variable \(name(of: variable)): objective coefficient is \(objectiveCoefficients[j])")
            }
            if lower.isNaN || upper.isNaN {
                report("variable \(name(of: variable)): bound is NaN (lower \(lower), upper \(upper))")
                continue
            }
            if lower == .infinity { report("variable \(name(of: variable)): lower bound is +infinity") }
            if upper == -.infinity { report("variable \(name(of: variable)): upper bound is -infinity") }
            if lower > upper {
                report("variable \(name(of: variable)): lower bound \(lower) exceeds upper bound \(upper)")
            }
            switch kinds[j] {
            case .continuous:
                break
            case .integer:
                if (lower.isFinite && lower.rounded() != lower) || (upper.isFinite && upper.rounded() != upper) {
                    report("variable \(name(of: variable)): integer variable has fractional bound [\(lower), \(upper)]")
                }
            case .binary:
                if !(lower == 0 || lower == 1) || !(upper == 0 || upper == 1) {
                    report("variable \(name(of: variable)): binary variable has bounds [\(lower), \(upper)] outside {0, 1}")
                }
            }
        }

        for i in 0..<numConstraints {
            let constraint = Constraint(index: i)
            if !rightHandSides[i].isFinite {
                report("constraint \(name(of: constraint)): right-hand side is \(rightHandSides[i])")
            }
            for k in rowStarts[i] ..< rowStarts[i + 1] where !rowCoefficients[k].isFinite {
                report("constraint \(name(of: constraint)): coefficient of \(name(of: Variable(index: rowColumns[k]))) is \(rowCoefficients[k])")
            }
        }

        validateNames(kind: "variable", count: numVariables, prefix: UInt8(ascii: "x"),
                      given: { hasGivenName(Variable(index: $0)) ? name(of: Variable(index: $0)) : nil },
                      report: { report($0) })
        validateNames(kind: "constraint", count: numConstraints, prefix: UInt8(ascii: "c"),
                      given: { hasGivenName(Constraint(index: $0)) ? name(of: Constraint(index: $0)) : nil },
                      report: { report($0) })

        if suppressed > 0 { messages.append("… and \(suppressed) more problems") }
        return messages
    }

    /// Checks legality and uniqueness of given names. Generated names (`x<i>`, `c<i>`) are legal
    /// and unique among themselves, so only given names need checking: against each other, and
    /// against the generated name of an unnamed item they happen to spell.
    private func validateNames(kind: String, count: Int, prefix: UInt8, given: (Int) -> String?,
                               report: (String) -> Void) {
        var seen: [String: Int] = [:]
        for index in 0..<count {
            guard let name = given(index) else { continue }
            if let problem = LPNames.problem(with: name) {
                report("\(kind) \(index) name '\(name.prefix(40))': \(problem)")
            }
            if let first = seen.updateValue(index, forKey: name) {
                report("\(kind) name '\(name.prefix(40))' is used by \(kind)s \(first) and \(index)")
            }
            if let other = LPNames.generatedIndex(name, prefix: prefix), other != index, other < count,
               given(other) == nil {
                report("\(kind) \(index) name '\(name)' equals the generated name of unnamed \(kind) \(other)")
            }
        }
    }
}
