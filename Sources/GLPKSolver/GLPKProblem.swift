// SPDX-License-Identifier: GPL-3.0-or-later

internal import CGLPK
import LinearModel

/// Copies models into and out of GLPK problem objects. Call only inside ``GLPKSession/run(logger:_:)``
/// and only with a model that passed `validate()` (GLPK aborts the process on bad data).
enum GLPKProblem {
    /// Creates a problem object, runs `body`, and deletes the object afterwards (even on throw).
    static func withNewProblem<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        let problem = glp_create_prob()!
        defer { glp_delete_prob(problem) }
        return try body(problem)
    }

    /// Loads `model` into the empty `problem`: columns, rows and one `glp_load_matrix` call.
    /// With `relax`, every column is continuous (LP relaxation).
    static func load(_ model: MIPModel, into problem: OpaquePointer, relax: Bool = false, names: Bool = false) {
        let n = model.numVariables, m = model.numConstraints
        glp_set_obj_dir(problem, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(problem, 0, model.objectiveConstant)
        if names { glp_set_obj_name(problem, "obj") }

        if n > 0 { glp_add_cols(problem, Int32(n)) }  // GLPK rejects adding zero columns
        for j in 0..<n {
            let column = OneBased.column(j)
            let (type, lower, upper) = boundType(lower: model.lowerBounds[j], upper: model.upperBounds[j])
            glp_set_col_bnds(problem, column, type, lower, upper)
            glp_set_obj_coef(problem, column, model.objectiveCoefficients[j])
            // Binary columns are loaded as GLP_IV with their own bounds (GLP_BV would reset them to [0,1]).
            if !relax, model.kinds[j].isIntegral { glp_set_col_kind(problem, column, GLP_IV) }
            if names { glp_set_col_name(problem, column, model.name(of: Variable(index: j))) }
        }

        if m > 0 { glp_add_rows(problem, Int32(m)) }
        for i in 0..<m {
            let row = OneBased.row(i)
            let rhs = model.rightHandSides[i]
            switch model.rowSenses[i] {
            case .lessOrEqual: glp_set_row_bnds(problem, row, GLP_UP, 0, rhs)
            case .greaterOrEqual: glp_set_row_bnds(problem, row, GLP_LO, rhs, 0)
            case .equal: glp_set_row_bnds(problem, row, GLP_FX, rhs, rhs)
            }
            if names { glp_set_row_name(problem, row, model.name(of: Constraint(index: i))) }
        }

        let matrix = OneBased.matrix(of: model)
        matrix.rowNumbers.withUnsafeBufferPointer { ia in
            matrix.columnNumbers.withUnsafeBufferPointer { ja in
                matrix.values.withUnsafeBufferPointer { ar in
                    glp_load_matrix(problem, matrix.count, ia.baseAddress, ja.baseAddress, ar.baseAddress)
                }
            }
        }
    }

    /// Columns, rows and stored nonzeros of a problem object.
    static func dimensions(of problem: OpaquePointer) -> (columns: Int, rows: Int, nonzeros: Int) {
        (Int(glp_get_num_cols(problem)), Int(glp_get_num_rows(problem)), Int(glp_get_num_nz(problem)))
    }

    /// GLPK bound type and values for a column with bounds `[lower, upper]` (infinities for none).
    static func boundType(lower: Double, upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (true, true): return (lower == upper ? GLP_FX : GLP_DB, lower, upper)
        }
    }

    /// Reads a problem object back into a model. Ranged rows (GLP_DB) become two rows
    /// (`≥ lower` and `≤ upper`); free rows (GLP_FR) carry no constraint and are skipped.
    static func model(from problem: OpaquePointer) -> MIPModel {
        var model = MIPModel(sense: glp_get_obj_dir(problem) == GLP_MAX ? .maximize : .minimize)
        let n = Int(glp_get_num_cols(problem)), m = Int(glp_get_num_rows(problem))
        model.objectiveConstant = glp_get_obj_coef(problem, 0)
        for j in 0..<n {
            let column = OneBased.column(j)
            let type = glp_get_col_type(problem, column)
            let lower = (type == GLP_LO || type == GLP_DB || type == GLP_FX) ? glp_get_col_lb(problem, column) : -.infinity
            let upper = (type == GLP_UP || type == GLP_DB || type == GLP_FX) ? glp_get_col_ub(problem, column) : .infinity
            let kind: VariableKind
            switch glp_get_col_kind(problem, column) {
            case GLP_BV: kind = .binary
            case GLP_IV: kind = .integer
            default: kind = .continuous
            }
            let name = glp_get_col_name(problem, column).map { String(cString: $0) }
            model.addVariable(name: name, lower: lower, upper: upper, kind: kind,
                              objective: glp_get_obj_coef(problem, column))
        }
        for i in 0..<m {
            let row = OneBased.row(i)
            let (columns, coefficients) = OneBased.readRow(problem, row: i)
            let variables = columns.map(Variable.init(index:))
            let name = glp_get_row_name(problem, row).map { String(cString: $0) }
            switch glp_get_row_type(problem, row) {
            case GLP_UP:
                model.addConstraint(name: name, variables: variables, coefficients: coefficients,
                                    sense: .lessOrEqual, rhs: glp_get_row_ub(problem, row))
            case GLP_LO:
                model.addConstraint(name: name, variables: variables, coefficients: coefficients,
                                    sense: .greaterOrEqual, rhs: glp_get_row_lb(problem, row))
            case GLP_FX:
                model.addConstraint(name: name, variables: variables, coefficients: coefficients,
                                    sense: .equal, rhs: glp_get_row_lb(problem, row))
            case GLP_DB:
                model.addConstraint(name: name.map { $0 + "_lo" }, variables: variables, coefficients: coefficients,
                                    sense: .greaterOrEqual, rhs: glp_get_row_lb(problem, row))
                model.addConstraint(name: name.map { $0 + "_up" }, variables: variables, coefficients: coefficients,
                                    sense: .lessOrEqual, rhs: glp_get_row_ub(problem, row))
            default:
                break  // free row: no constraint
            }
        }
        return model
    }
}
