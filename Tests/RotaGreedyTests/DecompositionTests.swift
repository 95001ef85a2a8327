import Foundation
import Testing
import RotaModel
import RotaChecker
@testable import RotaGreedy

/// The tiny scenario twice over, the copy's ids suffixed: two teams that share no worker, venue or case.
/// Each team's sessions require its team skill (`team-1`, `team-2`), which only its workers have: that is
/// how a scenario says who may staff what. With `shareVenue`, one of the copy's sessions may also use the
/// first team's centre; with `openSessions`, the sessions do not require the team skill. Either joins the teams.
func twoTeams(shareVenue: Bool = false, openSessions: Bool = false) -> Scenario {
    var one = tinyScenario()
    func tag(_ sc: inout Scenario, _ skill: String) {
        for k in sc.workers.indices { sc.workers[k].skills.append(skill) }
        if !openSessions { for k in sc.sessions.indices { sc.sessions[k].requiredSkills.append(skill) } }
    }
    var two = one
    tag(&one, "team-1"); tag(&two, "team-2")
    var sc = one
    var loc = one.locations[0]; loc.id = "fc-2"
    sc.locations.append(loc)
    for v in two.venues { var v = v; v.id += "-2"; v.location = "fc-2"; sc.venues.append(v) }
    for w in two.workers { var w = w; w.id += "-2"; w.base = "fc-2"; sc.workers.append(w) }
    for c in two.cases { var c = c; c.id += "-2"; c.allocatedWorker = c.allocatedWorker.map { $0 + "-2" }; sc.cases.append(c) }
    for s in two.sessions {
        var s = s; s.id += "-2"; s.case += "-2"; s.venues = s.venues.map { $0 + "-2" }
        if shareVenue && s.id == "s1-2" { s.venues.append("fc") }
        sc.sessions.append(s)
    }
    return sc
}

@Suite struct DecompositionTests {
    @Test func teamsThatShareNothingAreTwoParts() throws {
        let inst = try Instance.compile(twoTeams())
        let parts = Decomposition(inst).parts
        #expect(parts.count == 2)
        let byWorkers = Set(parts.map { $0.workers })
        #expect(byWorkers == [["w-a", "w-b"], ["w-a-2", "w-b-2"]])
        #expect(parts.allSatisfy { $0.sessions.count == 5 && $0.cases.count == 2 && $0.venues.count == 1 })
    }

    @Test func aSharedVenueJoinsTheTeams() throws {
        let inst = try Instance.compile(twoTeams(shareVenue: true))
        #expect(Decomposition(inst).parts.count == 1)
    }

    @Test func sessionsAnyoneMayStaffJoinTheTeams() throws {
        let inst = try Instance.compile(twoTeams(openSessions: true))
        #expect(Decomposition(inst).parts.count == 1)
    }

    @Test func casesThatExcludeTheOtherTeamKeepTheTeamsApart() throws {
        // Sessions anyone may staff, but each case excludes the other team's workers: two parts again.
        var sc = twoTeams(openSessions: true)
        for k in sc.cases.indices {
            let other = sc.workers.map(\.id).filter { $0.hasSuffix("-2") != sc.cases[k].id.hasSuffix("-2") }
            sc.cases[k].excludedWorkers = other
        }
        let parts = Decomposition(try Instance.compile(sc)).parts
        #expect(Set(parts.map { $0.workers }) == [["w-a", "w-b"], ["w-a-2", "w-b-2"]])
        // Excluding only one of the other team's workers leaves the other able: one part.
        sc.cases[0].excludedWorkers = ["w-a-2"]
        #expect(Decomposition(try Instance.compile(sc)).parts.count == 1)
    }

    @Test func partsAreSolvedSeparatelyAndJoined() throws {
        let inst = try Instance.compile(twoTeams())
        let r = GreedySolver(maxIdleMoves: 2000).solve(inst, options: SolveOptions(timeLimit: 10, seed: 7, threads: 2))
        #expect(r.notes.first?.hasPrefix("2 independent parts") == true, "\(r.notes)")
        let a = try #require(r.assignment)
        let report = Checker.check(a, in: inst)
        #expect(report.isFeasible)
        // Each team alone reaches its optimum of 2100 (SmallScenarioTests): together 4200.
        #expect(report.objective.total == 4200)
        // Unassigned sessions of both teams have reasons, under their own indices.
        #expect(r.reasons[inst.sessionIndex["s3-2"]!]?.isEmpty == false)
        #expect(r.reasons[inst.sessionIndex["s3"]!]?.isEmpty == false)
        // One thread: the whole scenario at once, the same optimum.
        let one = GreedySolver(maxIdleMoves: 2000).solve(inst, options: SolveOptions(timeLimit: 10, seed: 7, threads: 1))
        #expect(one.notes.first?.contains("independent parts") == false)
        #expect(Checker.check(try #require(one.assignment), in: inst).objective.total == 4200)
    }

    @Test func restrictAndMergeRoundTrip() throws {
        let inst = try Instance.compile(twoTeams())
        let r = GreedySolver(maxIdleMoves: 500).solve(inst, options: SolveOptions(timeLimit: 5, seed: 3, threads: 1))
        let a = try #require(r.assignment)
        var joined = Assignment.empty(for: inst)
        for p in Decomposition(inst).parts {
            let sub = try Instance.compile(Decomposition.scenario(of: p, in: inst.scenario))
            let part = Decomposition.restrict(a, of: inst, to: sub)
            #expect(Checker.check(part, in: sub).isFeasible)
            Decomposition.merge(part, of: sub, into: &joined, of: inst)
        }
        #expect(joined == a)
    }
}
