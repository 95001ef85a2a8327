import RotaModel

/// Writes the rota's integer program in CPLEX LP format (filled in by the MIP target).
public enum LPExport {
    public static func write(_ instance: Instance, to path: String) throws {
        throw InputError(file: path, diagnostics: [Diagnostic("$", "writing the LP file is not available in this build yet")])
    }
}
