import Testing
import RotaChecker
import RotaModel

@Suite("Objective terms") struct ObjectiveTests {
    @Test func unassignedContinuityPreferenceAndCover() {
        let inst = Fixture.instance { sc in
            sc.sessions[1].preferredWorkers = ["w1"]
            sc.sessions[2].mandatory = true
            sc.shifts[1].required = 2; sc.shifts[1].underWeight = 7
        }
        let a = Fixture.rota(inst, sessions: [("s1", ["w2"], "2026-11-23T10:00", "va"), ("s2", ["w2"], "2026-11-23T11:00", "va")],
                             shifts: [("WD-sat", ["w1"])])
        let t = Checker.check(a, in: inst).objective.terms
        #expect(t.unassigned == 100_000)          // s3 is mandatory
        #expect(t.continuity == 200)              // c1 belongs to w1, both sessions led by w2
        #expect(t.preference == 20)               // s2 prefers w1
        #expect(t.cover == 7 + 1000 + 1000)       // WD-sat one short of 2; WD-sun and OC-mon empty (required 1)
    }

    @Test func overtimeAgainstContractPerWeek() {
        let inst = Fixture.instance { sc in sc.workers[0].contractMinutes = 500 }
        let a = Fixture.rota(inst, shifts: [("WD-sat", ["w1"])])
        let t = Checker.check(a, in: inst).objective.terms
        #expect(t.overtime == 0)   // 480 counted minutes, contract 500
        let tight = Fixture.instance { sc in sc.workers[0].contractMinutes = 400 }
        #expect(Checker.check(Fixture.rota(tight, shifts: [("WD-sat", ["w1"])]), in: tight).objective.terms.overtime == 2 * 80)
    }

    @Test func fairnessUsesHistoryAndEligibility() {
        // OC needs senior: only w1 is eligible, so the spread is 0 whatever w1 does.
        let inst = Fixture.instance { sc in sc.workers[0].history.shiftCounts = ["OC": 5] }
        #expect(Checker.check(Fixture.rota(inst, shifts: [("OC-mon", ["w1"])]), in: inst).objective.terms.fairness == 0)
        // WD needs nothing: both eligible; w1 works two, w2 none, history w2 = 1 -> spread 1.
        let wd = Fixture.instance { sc in sc.workers[1].history.shiftCounts = ["WD": 1] }
        #expect(Checker.check(Fixture.rota(wd, shifts: [("WD-sat", ["w1"]), ("WD-sun", ["w1"])]), in: wd).objective.terms.fairness == 50)
    }

    @Test func requestsOnAndOff() {
        let inst = Fixture.instance { sc in
            sc.workers[0].requests = [ShiftRequest(date: Fixture.day("2026-11-28"), shiftType: "WD", on: false, weight: 4),
                                      ShiftRequest(date: Fixture.day("2026-11-29"), shiftType: nil, on: true, weight: 3)]
        }
        #expect(Checker.check(Fixture.rota(inst, shifts: [("WD-sat", ["w1"])]), in: inst).objective.terms.requests == 7)
        #expect(Checker.check(Fixture.rota(inst, shifts: [("WD-sun", ["w1"])]), in: inst).objective.terms.requests == 0)
    }

    @Test func travelRouteWithTransportLegs() {
        let inst = Fixture.instance()
        let a = Fixture.rota(inst, sessions: [("s3", ["w1"], "2026-11-24T15:30", "va")], allocations: [("c2", "w1")])
        let e = Evaluation(instance: inst, assignment: a)
        let L = inst.locationIndex
        let office = L["office"]!, home = L["home-1"]!, fc = L["fc-a"]!
        // Route: office -> home (pick-up) ... home -> office; the legs home<->venue are part of the activity.
        #expect(e.routeMinutes[0][1] == inst.travel.minutes(office, home) + inst.travel.minutes(home, office))
        let legs = inst.travel.minutes(home, fc) + inst.travel.minutes(fc, home)
        #expect(e.weekMinutes[0][0] == 90 + legs + e.routeMinutes[0][1])
    }
}
