// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import RotaModel
import RotaChecker
import LinearModel
import GLPKSolver
@testable import RotaMIP

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let sharedExamples = "/work/shared/spec/examples"

func load(_ path: String) throws -> Instance { try Instance.load(path: path) }

func loadSolution(_ path: String, _ inst: Instance) throws -> Assignment {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return Assignment.read(try SolutionDocument.read(data, file: path), instance: inst).0
}

let glpk: MIPRotaSolver.SolveFunction = { model, warm, limit in
    try GLPKSolver(options: GLPKOptions(timeLimit: limit)).solve(model, warmStart: warm)
}

struct TestRNG: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random small change to a rota (it may or may not break a rule).
func perturb(_ a: Assignment, _ inst: Instance, _ rng: inout TestRNG) -> Assignment {
    var b = a
    let nW = inst.workers.count
    switch Int.random(in: 0..<7, using: &rng) {
    case 0, 1:  // move a session's start
        let s = Int.random(in: 0..<inst.sessions.count, using: &rng)
        let starts = inst.candidateStarts(inst.sessions[s])
        if var p = b.sessions[s], let t = starts.randomElement(using: &rng) { p.start = t; b.sessions[s] = p }
    case 2:  // another lead
        let s = Int.random(in: 0..<inst.sessions.count, using: &rng)
        if var p = b.sessions[s] {
            let w = Int.random(in: 0..<nW, using: &rng)
            if !p.workers.contains(w) { p.workers[0] = w; b.sessions[s] = p }
        }
    case 3:  // unassign or assign
        let s = Int.random(in: 0..<inst.sessions.count, using: &rng)
        if b.sessions[s] != nil { b.sessions[s] = nil } else {
            let info = inst.sessions[s]
            if let t = inst.candidateStarts(info).randomElement(using: &rng) {
                var ws = Array(0..<nW); ws.shuffle(using: &rng)
                b.sessions[s] = SessionPlacement(workers: Array(ws.prefix(info.workersNeeded)), start: t, venue: info.venues.randomElement(using: &rng))
            }
        }
    case 4:  // shift worker added or removed
        guard !inst.shifts.isEmpty else { break }
        let h = Int.random(in: 0..<inst.shifts.count, using: &rng)
        let w = Int.random(in: 0..<nW, using: &rng)
        if let k = b.shiftWorkers[h].firstIndex(of: w) { b.shiftWorkers[h].remove(at: k) } else { b.shiftWorkers[h].append(w) }
    case 5:  // venue
        let s = Int.random(in: 0..<inst.sessions.count, using: &rng)
        if var p = b.sessions[s], let v = inst.sessions[s].venues.randomElement(using: &rng) { p.venue = v; b.sessions[s] = p }
    default:  // allocation
        let c = Int.random(in: 0..<inst.cases.count, using: &rng)
        if inst.cases[c].allocatedWorker == nil { b.allocations[c] = Bool.random(using: &rng) ? nil : Int.random(in: 0..<nW, using: &rng) }
    }
    return b
}

/// The model's point for `a` is feasible exactly when the checker finds no violation, and then
/// the MIP objective equals the checker's.
func agree(_ f: RotaFormulation, _ a: Assignment, _ label: String) -> Bool {
    let report = Checker.check(a, in: f.instance)
    guard let p = f.point(for: a) else {
        #expect(!report.isFeasible, "\(label): no model point but the checker finds it feasible")
        return !report.isFeasible
    }
    let fr = evaluate(f.model, p)
    #expect(fr.isFeasible == report.isFeasible,
            "\(label): model feasible \(fr.isFeasible) (rows \(fr.violatedRows.prefix(3).map { f.model.name(of: $0.row) })), checker \(report.violatedRules)")
    if report.isFeasible {
        #expect(abs(fr.objective - Double(report.objective.total)) < 1e-6,
                "\(label): MIP objective \(fr.objective), checker \(report.objective.total) \(report.objective.terms)")
        let back = f.assignment(from: p)
        #expect(Checker.check(back, in: f.instance).objective.total == report.objective.total, "\(label): round trip")
    }
    return fr.isFeasible == report.isFeasible
}

@Suite struct AgreementTests {
    @Test(arguments: ["team-7001", "team-7002", "team-7003"])
    func variantsAndPerturbations(team: String) throws {
        let inst = try load("\(sharedExamples)/\(team).scenario.json")
        let f = RotaFormulation.buildModel(inst)
        let dir = "\(sharedExamples)/\(team).variants"
        var valid = try loadSolution("\(sharedExamples)/\(team).valid.json", inst)
        #expect(Checker.check(valid, in: inst).isFeasible)
        _ = agree(f, valid, "\(team) valid")
        for file in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() {
            let a = try loadSolution("\(dir)/\(file)", inst)
            _ = agree(f, a, "\(team)/\(file)")
        }
        var rng = TestRNG(state: 7)
        var feasibleSeen = 0
        for k in 0..<300 {
            var b = valid
            for _ in 0..<Int.random(in: 1...2, using: &rng) { b = perturb(b, inst, &rng) }
            _ = agree(f, b, "\(team) perturbation \(k)")
            if Checker.check(b, in: inst).isFeasible { feasibleSeen += 1; if k % 3 == 0 { valid = b } }
        }
        #expect(feasibleSeen > 10)
    }

    @Test(arguments: ["tiny", "transport", "dst-spring", "dst-autumn"])
    func smallExamples(name: String) throws {
        let inst = try load("\(repoRoot)/examples/small/\(name).json")
        let f = RotaFormulation.buildModel(inst)
        var rng = TestRNG(state: 11)
        var a = Assignment.empty(for: inst)
        _ = agree(f, a, "\(name) empty")
        for k in 0..<200 {
            let b = perturb(a, inst, &rng)
            _ = agree(f, b, "\(name) perturbation \(k)")
            if Checker.check(b, in: inst).isFeasible { a = b }
        }
    }
}

@Suite struct SolveTests {
    @Test func tinyOptimumIsProved() throws {
        let inst = try load("\(repoRoot)/examples/small/tiny.json")
        let r = MIPRotaSolver(solve: glpk).solve(inst, options: SolveOptions(timeLimit: 30))
        #expect(r.status == .optimal)
        let a = try #require(r.assignment)
        let report = Checker.check(a, in: inst)
        #expect(report.isFeasible)
        // By hand: s1 to Ana (alone available), s2 to Ben, s3 to Ana: no unassigned, no continuity.
        #expect(report.objective.terms.unassigned == 0)
        #expect(report.objective.terms.continuity == 0)
        #expect(r.bound == Double(report.objective.total))
    }

    @Test func transportGoesToTheDriver() throws {
        let inst = try load("\(repoRoot)/examples/small/transport.json")
        let r = MIPRotaSolver(solve: glpk).solve(inst, options: SolveOptions(timeLimit: 30))
        #expect(r.status == .optimal)
        let a = try #require(r.assignment)
        let report = Checker.check(a, in: inst)
        #expect(report.isFeasible)
        #expect(report.objective.terms.unassigned == 0)
        #expect(report.objective.terms.continuity == inst.weights.continuity)
    }

    @Test(arguments: ["team-7001", "team-7002", "team-7003"])
    func sharedExamplesSolve(team: String) throws {
        let inst = try load("\(sharedExamples)/\(team).scenario.json")
        let valid = try loadSolution("\(sharedExamples)/\(team).valid.json", inst)
        let r = MIPRotaSolver(solve: glpk).solve(inst, options: SolveOptions(timeLimit: 20))
        let a = try #require(r.assignment, "\(r.status) \(r.notes)")
        let report = Checker.check(a, in: inst)
        #expect(report.isFeasible, "\(report.violations.prefix(3).map(\.message))")
        if r.status == .optimal {
            #expect(r.bound == Double(report.objective.total))
            #expect(report.objective.total <= Checker.check(valid, in: inst).objective.total, "\(r.notes)")
        }
        if let b = r.bound { #expect(b <= Double(report.objective.total) + 1e-6) }
        // Started from the valid rota, the answer is never worse.
        let r2 = MIPRotaSolver(solve: glpk).solve(inst, options: SolveOptions(timeLimit: 10, start: valid))
        let a2 = try #require(r2.assignment)
        #expect(Checker.check(a2, in: inst).isFeasible)
        #expect(Checker.check(a2, in: inst).objective.total <= Checker.check(valid, in: inst).objective.total)
    }

    @Test func wholeModelProvesTeam7003() throws {
        let inst = try load("\(sharedExamples)/team-7003.scenario.json")
        let valid = try loadSolution("\(sharedExamples)/team-7003.valid.json", inst)
        let r = MIPRotaSolver(solve: glpk).solve(inst, options: SolveOptions(timeLimit: 120))
        let a = try #require(r.assignment, "\(r.notes)")
        let report = Checker.check(a, in: inst)
        #expect(report.isFeasible)
        #expect(r.status == .optimal, "\(r.notes)")
        #expect(report.objective.total <= Checker.check(valid, in: inst).objective.total)
        #expect(r.notes.allSatisfy { !$0.contains("mismatch") && !$0.contains("bug") }, "\(r.notes)")
    }

    @Test func lnsOnSharedExampleReturnsFeasibleRota() throws {
        let inst = try load("\(sharedExamples)/team-7001.scenario.json")
        var solver = MIPRotaSolver(solve: glpk)
        solver.maxNonzeros = 0  // force the large-neighbourhood search
        let r = solver.solve(inst, options: SolveOptions(timeLimit: 15, seed: 3))
        let a = try #require(r.assignment, "\(r.notes)")
        #expect(r.status == .feasible)
        #expect(r.bound == nil)
        #expect(Checker.check(a, in: inst).isFeasible)
    }
}

/// The model with soft minimums: every rota that breaks only H7/H10/H11 minimums is a feasible point,
/// its objective is the checker's plus the penalty, and the penalty is zero exactly for valid rotas.
@Suite struct SoftMinimumTests {
    /// A shared example with minimums added: 2-day minimum runs (work and off), weekly and total minimum minutes.
    func withMinimums(_ team: String) throws -> Instance {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(sharedExamples)/\(team).scenario.json"))
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var rules = json["rules"] as? [String: Any] ?? [:]
        rules["minConsecutiveDays"] = 2; rules["minConsecutiveDaysOff"] = 2
        json["rules"] = rules
        json["workers"] = (json["workers"] as? [[String: Any]] ?? []).map { w in
            var w = w; w["minMinutes"] = 240; w["minTotalMinutes"] = 600; return w
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("soft-\(team)-\(getpid()).json")
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try load(url.path)
    }

    @Test(arguments: ["team-7001", "team-7002", "team-7003"])
    func minimumBreakersArePoints(team: String) throws {
        let inst = try withMinimums(team)
        let f = RotaFormulation.buildModel(inst, softMinimums: true)
        #expect(f.softPenalty >= 10)
        let start = try loadSolution("\(sharedExamples)/\(team).valid.json", inst)
        var rng = TestRNG(state: 5)
        var minimumOnly = 0
        for k in 0..<200 {
            var b = start
            for _ in 0..<Int.random(in: 0...3, using: &rng) { b = perturb(b, inst, &rng) }
            let report = Checker.check(b, in: inst)
            guard breaksOnlyMinimums(report) else { continue }
            if !report.isFeasible { minimumOnly += 1 }
            let p = try #require(f.point(for: b), "\(team) \(k): no point for \(report.violatedRules)")
            let fr = evaluate(f.model, p)
            #expect(fr.isFeasible, "\(team) \(k): rows \(fr.violatedRows.prefix(3).map { f.model.name(of: $0.row) })")
            let penalty = f.minimumsPenalty(at: p)
            #expect(abs(fr.objective - Double(report.objective.total) - penalty) < 1e-6, "\(team) \(k)")
            #expect((penalty > 1e-9) == !report.isFeasible, "\(team) \(k): penalty \(penalty), \(report.violatedRules)")
        }
        #expect(minimumOnly > 0)
        // The exact model is unchanged: no penalty, the same size as before.
        #expect(RotaFormulation.buildModel(inst).softPenalty == 0)
    }
}
