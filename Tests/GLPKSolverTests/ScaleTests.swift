// SPDX-License-Identifier: GPL-3.0-or-later

import Testing
import LinearModel
@testable import GLPKSolver

/// Size checks: a rota-sized model (200k columns, 500k nonzeros) must load into GLPK quickly.
@Suite struct ScaleTests {
    @Test func largeModelLoadsIntoGLPKQuickly() throws {
        var model = MIPModel()
        model.reserveCapacity(variables: 200_000, constraints: 100_000, nonzeros: 500_000)
        for j in 0..<200_000 { model.addVariable(lower: 0, upper: 1, kind: .binary, objective: Double(j % 7)) }
        var variables = [Variable](repeating: Variable(index: 0), count: 5)
        let coefficients: [Double] = [1, 2, 3, 4, 5]
        for i in 0..<100_000 {
            for k in 0..<5 { variables[k] = Variable(index: (i * 2 + k * 7919) % 200_000) }
            model.addConstraint(variables: variables, coefficients: coefficients, sense: .greaterOrEqual, rhs: 1)
        }
        #expect(model.validate().isEmpty)
        var loaded = (columns: 0, rows: 0, nonzeros: 0)
        let elapsed = ContinuousClock().measure {
            loaded = GLPKSession.run(logger: nil) { _ in
                GLPKProblem.withNewProblem { problem in
                    GLPKProblem.load(model, into: problem)
                    return GLPKProblem.dimensions(of: problem)
                }
            }
        }
        #expect(loaded.columns == 200_000)
        #expect(loaded.rows == 100_000)
        #expect(loaded.nonzeros == 500_000)
        // About 0.16 s in release and 0.25 s in debug on the 2-core CI machine.
        #expect(elapsed < .seconds(5), "loading took \(elapsed)")
    }
}
