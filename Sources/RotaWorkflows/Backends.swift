import GLPKSolver
import LinearModel
import RotaChecker
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
                    try GLPKSolver(options: glpkOptions(seconds, warmStart: warmStart != nil, cuts: .none)).solve(model, warmStart: warmStart)
                }
                // The whole model gets GLPK's cuts: on the Curtois & Qu instances they close much of the gap
                // that branching alone leaves (Benchmarks/curtois); small sub-problems are quicker without.
                solver.solveWholeModel = { model, warmStart, seconds in
                    try GLPKSolver(options: glpkOptions(seconds, warmStart: warmStart != nil, cuts: .all)).solve(model, warmStart: warmStart)
                }
                return solver.solve(instance, options: options)
            },
            fitsWholeModel: { instance in
                // Sizing the model walks every candidate; skip it where the answer is plain.
                guard instance.sessions.count <= 150 && instance.workers.count <= 60 else { return false }
                return RotaFormulation.estimatedNonzeros(instance) <= MIPRotaSolver(solve: { _, _, _ in throw CancellationError() }).maxNonzeros
            })
    }
}

/// GLPK's settings for one solve. Without a valid rota to start from, the feasibility pump and
/// proximity search find first rotas where branch and cut alone finds none (shift-heavy scenarios,
/// Benchmarks/curtois); with one, the time goes to branch and cut, which proves.
private func glpkOptions(_ seconds: Double, warmStart: Bool, cuts: GLPKOptions.Cuts) -> GLPKOptions {
    var glpk = GLPKOptions(timeLimit: seconds, cuts: cuts, feasibilityPump: !warmStart, proximitySearch: !warmStart)
    glpk.proximitySearchShare = 0.5
    return glpk
}

