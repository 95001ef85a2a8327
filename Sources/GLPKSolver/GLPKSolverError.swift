// SPDX-License-Identifier: GPL-3.0-or-later

/// Errors thrown by ``GLPKSolver`` before or around GLPK calls. (Solver outcomes such as
/// infeasibility are not errors; they are reported in ``LinearModel/MIPResult``.)
public enum GLPKSolverError: Error, Sendable, CustomStringConvertible {
    /// The model failed ``LinearModel/MIPModel/validate(limit:)``; GLPK was not called.
    case invalidModel([String])
    /// The warm start does not fit the model (wrong length or non-finite values).
    case invalidWarmStart(String)
    /// The model is too large for GLPK's 32-bit indices.
    case tooLarge(String)
    /// `glp_write_lp` failed.
    case writeFailed(path: String)
    /// `glp_read_lp` failed (missing file or syntax error).
    case readFailed(path: String)

    public var description: String {
        switch self {
        case .invalidModel(let problems):
            "invalid model: " + problems.prefix(5).joined(separator: "; ")
                + (problems.count > 5 ? " (\(problems.count) problems in all)" : "")
        case .invalidWarmStart(let reason): "invalid warm start: \(reason)"
        case .tooLarge(let reason): "model too large for GLPK: \(reason)"
        case .writeFailed(let path): "GLPK could not write \(path)"
        case .readFailed(let path): "GLPK could not read \(path)"
        }
    }
}
