// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Logging
import Testing
import LinearModel
@testable import GLPKSolver

/// Validation before GLPK, LP files both ways, terminal output, thread safety.
@Suite struct BoundaryTests {
    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("rota-glpk-\(UUID().uuidString)-\(name)").path
    }

    @Test func invalidModelsAreRejectedWithoutCallingGLPK() throws {
        var nan = MIPModel()
        let x = nan.addVariable()
        nan.addConstraint(terms: [(x, .nan)], sense: .lessOrEqual, rhs: 1)

        var inverted = MIPModel()
        inverted.addVariable(lower: 5, upper: 1, kind: .integer)

        for model in [nan, inverted] {
            let sessions = SessionCounter()
            GLPKSession.$observer.withValue(sessions) {
                #expect(throws: GLPKSolverError.self) { try GLPKSolver().solve(model) }
                #expect(throws: GLPKSolverError.self) { try GLPKSolver().solveRelaxation(model) }
                #expect(throws: GLPKSolverError.self) { try GLPKSolver().writeLP(model, to: "/nonexistent/x.lp") }
            }
            #expect(sessions.count == 0)
        }
        // The counter does see a valid solve.
        let sessions = SessionCounter()
        try GLPKSession.$observer.withValue(sessions) { _ = try GLPKSolver().solve(Fixtures.Knapsack.small.model().0) }
        #expect(sessions.count == 1)
    }

    @Test func errorDescribesTheProblems() {
        var model = MIPModel()
        model.addVariable(name: "late", lower: 9, upper: 1)
        do {
            _ = try GLPKSolver().solve(model)
            Issue.record("expected a throw")
        } catch let error as GLPKSolverError {
            #expect("\(error)".contains("late"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// Our LP text, read back by GLPK's `glp_read_lp`, must give the same optimum.
    @Test func lpWriterOutputReadByGLPKGivesTheSameOptimum() throws {
        var wide = MIPModel(sense: .maximize)  // long names and a long row to exercise wrapping
        let items = (0..<300).map { wide.addBinary(name: "item_with_a_rather_long_name_\($0)", objective: Double($0 % 17 + 1)) }
        wide.addConstraint(name: "cap", variables: items, coefficients: items.map { Double($0.index % 13 + 2) },
                           sense: .lessOrEqual, rhs: 150)
        let models: [(String, MIPModel)] = [
            ("knapsack", Fixtures.Knapsack.small.model().0),
            ("assignment", Fixtures.Assignment.fiveByFive.model().0),
            ("mixed", Fixtures.mixedBounds()),
            ("wide", wide),
        ]
        let solver = GLPKSolver()
        for (name, model) in models {
            let path = temporaryPath("\(name).lp")
            defer { try? FileManager.default.removeItem(atPath: path) }
            try LPWriter.write(model, to: path)
            let reread = try solver.readLP(from: path)
            // An objective constant travels as one extra fixed column.
            #expect(reread.numVariables == model.numVariables + (model.objectiveConstant != 0 ? 1 : 0), "\(name)")
            #expect(reread.numConstraints == model.numConstraints, "\(name)")
            #expect(reread.numNonzeros == model.numNonzeros, "\(name)")
            #expect(reread.numIntegerVariables == model.numIntegerVariables, "\(name)")
            #expect(reread.sense == model.sense)
            let direct = try solver.solve(model)
            let viaFile = try solver.solve(reread)
            #expect(direct.termination == .optimal, "\(name)")
            #expect(viaFile.termination == .optimal, "\(name)")
            let a = try #require(direct.objective), b = try #require(viaFile.objective)
            #expect(abs(a - b) <= 1e-9 * max(1, abs(a)), "\(name): \(a) vs \(b)")
        }
    }

    /// GLPK's own writer (`glp_write_lp`) as a cross-check of the loader: same optimum after a round trip.
    @Test func glpkWriterRoundTripGivesTheSameOptimum() throws {
        let model = Fixtures.mixedBounds()
        let path = temporaryPath("glpk.lp")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let solver = GLPKSolver()
        try solver.writeLP(model, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("r1:"))
        let reread = try solver.readLP(from: path)
        let result = try solver.solve(reread)
        #expect(result.termination == .optimal)
        // GLPK's writer keeps the objective constant (7) only as a comment, so it is lost on reading.
        #expect(text.contains("constant term = 7"))
        #expect(abs(try #require(result.objective) - (-0.625 - 7)) < 1e-9)
    }

    @Test func readingAMissingOrBrokenFileThrows() throws {
        #expect(throws: GLPKSolverError.self) { try GLPKSolver().readLP(from: "/nonexistent/model.lp") }
        let path = temporaryPath("broken.lp")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "Minimize\n obj: + x\nSubject To\n c: + x >=\nEnd\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: GLPKSolverError.self) { try GLPKSolver().readLP(from: path) }
    }

    @Test func terminalOutputGoesToADebugLogger() throws {
        let collector = LineCollector()
        var logger = Logger(label: "glpk-test") { _ in CollectingHandler(collector: collector) }
        logger.logLevel = .debug
        let result = try GLPKSolver(options: GLPKOptions(logger: logger)).solve(Fixtures.Knapsack.small.model().0)
        #expect(result.termination == .optimal)
        let lines = collector.lines
        // At GLP_MSG_ON GLPK prints its progress lines ("+ 13: mip = … tree is empty").
        #expect(lines.contains { $0.contains("mip =") && $0.contains("tree is empty") }, "\(lines)")

        // At info level GLPK stays silent.
        let quiet = LineCollector()
        var infoLogger = Logger(label: "glpk-test") { _ in CollectingHandler(collector: quiet) }
        infoLogger.logLevel = .info
        _ = try GLPKSolver(options: GLPKOptions(logger: infoLogger)).solve(Fixtures.Knapsack.small.model().0)
        #expect(quiet.lines.isEmpty)
    }

    /// Re-entrant GLPK runs these in parallel (one environment per thread), otherwise they queue;
    /// either way every answer is right, with and without terminal output routed to a logger.
    @Test func concurrentSolvesAreCorrect() async throws {
        let knapsack = Fixtures.Knapsack.hard(items: 25, seed: 1)
        let assignment = Fixtures.Assignment.fiveByFive
        let collector = LineCollector()
        var logger = Logger(label: "glpk-test") { _ in CollectingHandler(collector: collector) }
        logger.logLevel = .debug
        let chatty = logger
        let results = try await withThrowingTaskGroup(of: (Bool, Double?).self) { group in
            for k in 0..<12 {
                group.addTask {
                    if k % 3 == 2 {
                        let result = try GLPKSolver(options: GLPKOptions(logger: chatty)).solve(knapsack.model(names: false).0)
                        return (result.objective == Double(knapsack.optimum), result.objective)
                    } else if k % 3 == 0 {
                        let result = try GLPKSolver().solve(knapsack.model(names: false).0)
                        return (result.objective == Double(knapsack.optimum), result.objective)
                    } else {
                        let result = try GLPKSolver().solve(assignment.model().0)
                        return (result.objective == Double(assignment.optimum), result.objective)
                    }
                }
            }
            var all: [(Bool, Double?)] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 12)
        let allCorrect = results.allSatisfy { $0.0 }
        #expect(allCorrect, "\(results)")
        #expect(collector.lines.filter { $0.contains("mip =") && $0.contains("tree is empty") }.count == 4, "\(collector.lines.suffix(5))")
    }

    @Test func versionIsReported() {
        #expect(GLPKSolver.version.hasPrefix("5.") || GLPKSolver.version.hasPrefix("4."))
    }
}

final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ line: String) { lock.withLock { storage.append(line) } }
    var lines: [String] { lock.withLock { storage } }
}

struct CollectingHandler: LogHandler {
    let collector: LineCollector
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        collector.append("\(event.message)")
    }
}
