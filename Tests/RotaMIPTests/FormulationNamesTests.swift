// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
import RotaModel
import LinearModel
@testable import RotaMIP

/// The names `--write-lp` gives the integer program's columns and rows.
@Suite struct FormulationNamesTests {
    /// Naming changes nothing but the names: the same columns, rows, coefficients, bounds and
    /// objective as the solvers' unnamed model; every column and row has a name of its own, and
    /// the named model is valid for the LP format (legal, no name twice), in the exact and the
    /// soft model.
    @Test(arguments: ["family-time-week.json", "recovery-team-oncall.json", "small/transport.json", "small/dst-autumn.json"])
    func namesChangeNothingElse(_ file: String) throws {
        let inst = try load("\(repoRoot)/examples/\(file)")
        for soft in [false, true] {
            let plain = RotaFormulation.buildModel(inst, softMinimums: soft).model
            let named = RotaFormulation.buildModel(inst, softMinimums: soft, names: true).model
            #expect(named.validate().isEmpty, "\(file): \(named.validate().prefix(3))")
            #expect(plain.lowerBounds == named.lowerBounds && plain.upperBounds == named.upperBounds)
            #expect(plain.kinds == named.kinds && plain.objectiveCoefficients == named.objectiveCoefficients)
            #expect(plain.objectiveConstant == named.objectiveConstant)
            #expect(plain.rowStarts == named.rowStarts && plain.rowColumns == named.rowColumns)
            #expect(plain.rowCoefficients == named.rowCoefficients)
            #expect(plain.rowSenses == named.rowSenses && plain.rightHandSides == named.rightHandSides)
            let unnamedColumns = (0..<named.numVariables).filter { !named.hasGivenName(Variable(index: $0)) }
            let unnamedRows = (0..<named.numConstraints).filter { !named.hasGivenName(Constraint(index: $0)) }
            #expect(unnamedColumns.isEmpty && unnamedRows.isEmpty, "\(file): \(unnamedColumns.count) columns, \(unnamedRows.count) rows unnamed")
            #expect(!(0..<plain.numVariables).contains { plain.hasGivenName(Variable(index: $0)) })
            // The names tell the columns apart without the `~2` of a repeat.
            #expect(!(0..<named.numVariables).contains { named.name(of: Variable(index: $0)).contains("~") })
            #expect(!(0..<named.numConstraints).contains { named.name(of: Constraint(index: $0)).contains("~") })
        }
    }

    /// A name says what its column or row is: on the tiny example (sessions s1-s3 at
    /// fc-worcester on 24 November, workers w-ana and w-ben), the named columns carry the
    /// objective the scenario gives them and the named rows their right-hand sides.
    @Test func namesSayWhatTheyAre() throws {
        let inst = try load("\(repoRoot)/examples/small/tiny.json")
        let model = RotaFormulation.buildModel(inst, names: true).model
        var column: [String: Variable] = [:], row: [String: Constraint] = [:]
        for j in 0..<model.numVariables { column[model.name(of: Variable(index: j))] = Variable(index: j) }
        for i in 0..<model.numConstraints { row[model.name(of: Constraint(index: i))] = Constraint(index: i) }
        // s1 (optional) and s3 (mandatory) unplaced cost the scenario's weights.
        let u1 = try #require(column["unassigned(s1)"]), u3 = try #require(column["unassigned(s3)"])
        #expect(model.objectiveCoefficient(of: u1) == 1000)
        #expect(model.objectiveCoefficient(of: u3) == 100_000)
        // s1 may start at 10:00 (its window opens then); it may not start at 11:30 (it would end after 12:00).
        #expect(column["place(s1,d0.1000,fc_worcester)"] != nil)
        #expect(column["lead(w_ana,s1,d0.1000,fc_worcester)"] != nil)
        #expect(column["place(s1,d0.1130,fc_worcester)"] == nil)
        // w-ben is available from 12:00 only, so he cannot lead s1.
        #expect(!column.keys.contains { $0.hasPrefix("lead(w_ben,s1,") })
        // Each session is placed once or left unassigned: a row of = 1.
        let once = try #require(row["placed_once(s2)"])
        #expect(model.rightHandSides[once.index] == 1 && model.sense(of: once) == .equal)
        // w-ana's day: the travel from her base to a session costs its minutes.
        let arc = try #require(column.first { $0.key.hasPrefix("route(w_ana,base,lead{s1,d0.1000,fc_worcester})") }?.value)
        #expect(model.objectiveCoefficient(of: arc) == Double(inst.travel.minutes(inst.workers[0].base, inst.venues[0].location)))
    }

    /// A name that would repeat gets `~2`, `~3`, …; ids are made legal for the LP format.
    @Test func repeatedNamesGetASuffix() {
        var names = FormulationNames(enabled: true)
        #expect(names.column { "route(w-1,a)" } == "route(w_1,a)")
        #expect(names.column { "route(w-1,a)" } == "route(w_1,a)~2")
        #expect(names.column { "route(w_1,a)" } == "route(w_1,a)~3")
        #expect(names.column { "route(w_1,a)~4" } == "route(w_1,a)~4")
        #expect(names.column { "route(w-1,a)" } == "route(w_1,a)~5")
        #expect(names.row { "route(w-1,a)" } == "route(w_1,a)")
        var off = FormulationNames(enabled: false)
        #expect(off.column { "x" } == nil && off.row { "y" } == nil)
    }
}
