import LinearModel
import RotaMIP
import RotaModel

/// Writes the rota's whole integer program in CPLEX LP format, so any other solver can read it.
public enum LPExport {
    public static func write(_ instance: Instance, to path: String) throws {
        let formulation = RotaFormulation.buildModel(instance)
        let size = formulation.size
        try LPWriter.write(formulation.model, to: path,
                           comment: "rota: \(instance.scenario.name) - \(size.variables) variables, \(size.constraints) constraints, \(size.nonzeros) nonzeros")
    }
}
