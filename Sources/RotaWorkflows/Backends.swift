import GLPKSolver
import LinearModel
import RotaChecker
import RotaColumns
import RotaGreedy
import RotaMIP
import RotaModel

extension SolveRunner.Backends {
    /// The backends of this build: the native solver, and the integer program on GLPK.
    public static var standard: SolveRunner.Backends {
        SolveRunner.Backends(
            greedy: { instance, options in GreedySolver().solve(instance, options: options) },
            glpk: { instance, options in
                var solver = MIPRotaSolver(name: "glpk") { model, warmStart, seconds in
                    try solveWithGLPK(model, warmStart: warmStart, seconds: seconds, exchange: nil)
                }
                // The whole model and the sub-problems get all of GLPK's cuts: on the Curtois & Qu instances
                // they close much of the gap that branching alone leaves. A two-worker sub-problem of
                // Instance12 takes GLPK 20 s without them and 0.7 s with them; at 60 s, `auto` gives
                // Instance7 / Instance12 1108 / 11600 with cuts in the sub-problems, 1299 / 11803 without
                // (and without the heuristics below), 1383 / 13150 without either (Benchmarks/curtois).
                solver.solveWholeModel = { model, warmStart, seconds, exchange in
                    try solveWithGLPK(model, warmStart: warmStart, seconds: seconds, exchange: exchange)
                }
                solver.solveRelaxation = { model, seconds in try GLPKSolver(options: GLPKOptions(timeLimit: seconds)).solveRelaxation(model) }
                // The soft search may use every core it is given, each lane with its own GLPK.
                solver.lanes = GLPKSolver.runsInParallel ? options.threads : 1
                return solver.solve(instance, options: options)
            },
            glpkUsesEveryCore: GLPKSolver.runsInParallel,
            columns: { instance, start, seconds, seed in
                var solver = columnGeneration()
                solver.seed = seed
                return solver.solve(instance, start: start, timeLimit: seconds)
            },
            wholeModel: { instance in
                // Sizing the model walks every candidate; skip it where the answer is plain.
                guard instance.sessions.count <= 150 && instance.workers.count <= 60 else { return .tooLarge }
                let limits = MIPRotaSolver(solve: { _, _, _ in throw CancellationError() })
                let estimate = RotaFormulation.estimatedNonzeros(instance, stopAbove: limits.maxNonzeros)
                return estimate > limits.maxNonzeros ? .tooLarge : estimate > limits.softSearchLargeAbove ? .large : .small
            })
    }
}

/// Column generation on GLPK: its master's LP kept loaded between solves, its integer programme by
/// branch and cut. One LP solve stops at `lpSeconds` (nil: only at the caller's time limit).
func columnGeneration(lpSeconds: Double? = 30) -> ColumnGenerationSolver {
    ColumnGenerationSolver(
        withLP: { model, body in try GLPKSolver(options: GLPKOptions(timeLimit: lpSeconds)).withIncrementalLP(model) { body($0) } },
        solveMIP: { model, warmStart, seconds in
            try solveWithGLPK(model, warmStart: warmStart, seconds: seconds, exchange: nil)
        })
}

/// One GLPK solve with every cut family. Without a valid rota to start from, the feasibility pump and
/// proximity search find first rotas where branch and cut alone finds none (shift-heavy scenarios,
/// Benchmarks/curtois), and proximity search improves the rota it finds (the exact sub-problems of
/// the soft search go without a start, see above); with a start, the time goes to branch and cut.
private func solveWithGLPK(_ model: MIPModel, warmStart: [Double]?, seconds: Double,
                           exchange: (any IncumbentExchange)?) throws -> MIPResult {
    var glpk = GLPKOptions(timeLimit: seconds, cuts: .all, feasibilityPump: warmStart == nil, proximitySearch: warmStart == nil)
    glpk.proximitySearchShare = 0.5
    glpk.exchange = exchange
    return try GLPKSolver(options: glpk).solve(model, warmStart: warmStart)
}
