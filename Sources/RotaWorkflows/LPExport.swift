import LinearModel
import RotaMIP
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
        let formulation = RotaFormulation.buildModel(instance)
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
