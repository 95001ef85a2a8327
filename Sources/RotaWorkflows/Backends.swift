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
                MIPRotaSolver(name: "glpk") { model, warmStart, seconds in
                    // Without a valid rota to start from, the feasibility pump and proximity search
                    // find first rotas where branch and cut alone finds none (shift-heavy scenarios,
                    // Benchmarks/curtois); with one, the time goes to branch and cut, which proves.
                    var glpk = GLPKOptions(timeLimit: seconds, feasibilityPump: warmStart == nil, proximitySearch: warmStart == nil)
                    glpk.proximitySearchShare = 0.5
                    return try GLPKSolver(options: glpk).solve(model, warmStart: warmStart)
                }.solve(instance, options: options)
            },
            fitsWholeModel: { instance in
                // Sizing the model walks every candidate; skip it where the answer is plain.
                guard instance.sessions.count <= 150 && instance.workers.count <= 60 else { return false }
                return RotaFormulation.estimatedNonzeros(instance) <= MIPRotaSolver(solve: { _, _, _ in throw CancellationError() }).maxNonzeros
            })
    }
}
