import LinearModel
import RotaMIP
import RotaChecker
import RotaModel

/// Writes the rota's whole integer program in CPLEX LP format, so any other solver can read it.
public enum LPExport {
    /// The largest model written unless asked otherwise: about 50 million nonzeros is a 0.9 GB
    /// file and 4 GB of memory to build (a generated team of 30 workers is 43 million; one of 100
    /// workers would be several times that, and no solver here reads it in useful time).
    public static let defaultMaxNonzeros = 50_000_000

    /// The model is too large to write: sized before it is built, so asking costs seconds, not gigabytes.
    public struct TooLarge: Error, CustomStringConvertible {
        public let limit: Int
        public init(limit: Int) { self.limit = limit }
        public var description: String {
            "the integer program would have more than \(limit.withThousandsCommas) nonzeros (its travel network grows with the"
                + " square of the sessions a worker could do in a day): write the LP of a smaller scenario (one team,"
                + " fewer days), or raise --lp-max-nonzeros"
        }
    }

    public static func write(_ instance: Instance, to path: String, maxNonzeros: Int = defaultMaxNonzeros) throws {
        let estimate = RotaFormulation.estimatedNonzeros(instance, stopAbove: maxNonzeros)
        guard estimate <= maxNonzeros else { throw TooLarge(limit: maxNonzeros) }
        let formulation = RotaFormulation.buildModel(instance, names: true)
        let size = formulation.size
        try LPWriter.write(formulation.model, to: path,
                           comment: "rota: \(instance.scenario.name) - \(size.variables) variables, \(size.constraints) constraints, \(size.nonzeros) nonzeros")
    }
}

private extension Int {
    /// 50000000 as "50,000,000", whatever the locale (not Foundation's locale-dependent `formatted()`).
    var withThousandsCommas: String {
        var s = String(self), out = ""
        while s.count > 3 { out = "," + s.suffix(3) + out; s.removeLast(3) }
        return s + out
    }
}

extension LPExport {
    /// The rota of a point of the integer program `write` writes, given as text: one `name value`
    /// pair a line (the column names of the LP file; `#` starts a comment; columns not listed are 0;
    /// the column that carries the objective's constant is ignored). So another solver's answer to
    /// that program can be judged by rota's own checker.
    /// - Throws: `InputError` naming `file` and each bad line (an unknown column, a value that is not
    ///   a number, a column given twice).
    public static func assignment(fromValues text: String, file: String, instance: Instance) throws -> Assignment {
        let formulation = RotaFormulation.buildModel(instance, names: true)
        let model = formulation.model
        var index: [Substring: Int] = [:]
        for j in 0..<model.numVariables { index[Substring(model.name(of: Variable(index: j)))] = j }
        var values = [Double](repeating: 0, count: model.numVariables)
        var seen = Set<Int>()
        var problems: [Diagnostic] = []
        // Lines end in LF or CRLF (one Character in Swift, so split on newlines, not on "\n").
        for (k, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: \.isWhitespace)
            guard !fields.isEmpty else { continue }
            let at = "line \(k + 1)"
            guard fields.count == 2 else { problems.append(Diagnostic(at, "expected `name value`, found \(fields.count) fields")); continue }
            guard let j = index[fields[0]] else {
                // The column that carries the objective's constant in the LP file (fixed at 1).
                if fields[0].hasPrefix(LPWriter.constantColumnBaseName) { continue }
                problems.append(Diagnostic(at, "no column \(fields[0]) in this scenario's integer program (\(model.numVariables) columns)"))
                continue
            }
            guard let v = Double(fields[1]), v.isFinite else { problems.append(Diagnostic(at, "\(fields[1]) is not a number")); continue }
            guard seen.insert(j).inserted else { problems.append(Diagnostic(at, "column \(fields[0]) is given twice")); continue }
            values[j] = v
        }
        guard problems.isEmpty else { throw InputError(file: file, diagnostics: problems) }
        return formulation.assignment(from: values)
    }
}
