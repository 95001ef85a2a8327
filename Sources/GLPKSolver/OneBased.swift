// SPDX-License-Identifier: GPL-3.0-or-later

internal import CGLPK
import LinearModel

/// All translation between our 0-based indices and GLPK's 1-based arrays lives here.
///
/// GLPK numbers rows and columns from 1 and ignores element 0 of every array argument
/// (`ia[0]`, `ja[0]`, `ar[0]`, `x[0]`), so each array built here has a dummy slot 0.
enum OneBased {
    /// GLPK row number of 0-based row `i`.
    @inline(__always) static func row(_ i: Int) -> Int32 { Int32(i + 1) }
    /// GLPK column number of 0-based column `j`.
    @inline(__always) static func column(_ j: Int) -> Int32 { Int32(j + 1) }

    /// The coordinate form `(ia, ja, ar)` of the model's matrix for `glp_load_matrix`.
    struct Matrix {
        var rowNumbers: [Int32]
        var columnNumbers: [Int32]
        var values: [Double]
        var count: Int32 { Int32(values.count - 1) }
    }

    /// Builds the 1-based coordinate arrays from the model's CSR storage.
    static func matrix(of model: MIPModel) -> Matrix {
        let nonzeros = model.numNonzeros
        var rowNumbers = [Int32](repeating: 0, count: nonzeros + 1)
        var columnNumbers = [Int32](repeating: 0, count: nonzeros + 1)
        var values = [Double](repeating: 0, count: nonzeros + 1)
        let starts = model.rowStarts, columns = model.rowColumns, coefficients = model.rowCoefficients
        rowNumbers.withUnsafeMutableBufferPointer { ia in
            columnNumbers.withUnsafeMutableBufferPointer { ja in
                values.withUnsafeMutableBufferPointer { ar in
                    for i in 0..<model.numConstraints {
                        let glpkRow = row(i)
                        for k in starts[i] ..< starts[i + 1] {
                            ia[k + 1] = glpkRow
                            ja[k + 1] = column(columns[k])
                            ar[k + 1] = coefficients[k]
                        }
                    }
                }
            }
        }
        return Matrix(rowNumbers: rowNumbers, columnNumbers: columnNumbers, values: values)
    }

    /// A column vector with GLPK's dummy slot 0 (e.g. for `glp_ios_heur_sol`).
    static func columnVector(_ values: [Double]) -> [Double] {
        var vector = [Double](repeating: 0, count: values.count + 1)
        for j in values.indices { vector[j + 1] = values[j] }
        return vector
    }

    /// Reads `count` per-column values through a GLPK getter taking 1-based column numbers.
    static func readColumns(count: Int, _ get: (Int32) -> Double) -> [Double] {
        (0..<count).map { get(column($0)) }
    }

    /// Reads one value per row through `get`, called with GLPK row numbers 1...count.
    static func readRows(count: Int, _ get: (Int32) -> Double) -> [Double] {
        (0..<count).map { get(row($0)) }
    }

    /// Reads one row of a problem object (`glp_get_mat_row`) as 0-based columns and coefficients.
    static func readRow(_ problem: OpaquePointer, row i: Int) -> (columns: [Int], coefficients: [Double]) {
        let length = Int(glp_get_mat_row(problem, row(i), nil, nil))
        guard length > 0 else { return ([], []) }
        var indices = [Int32](repeating: 0, count: length + 1)
        var values = [Double](repeating: 0, count: length + 1)
        _ = glp_get_mat_row(problem, row(i), &indices, &values)
        return (indices[1...].map { Int($0) - 1 }, Array(values[1...]))
    }
}
