import Testing
import RotaChecker
import RotaModel

// Each hard rule: a violating case, a compliant case and a boundary case.
typealias F = Fixture

@Suite("H1 session placement") struct H1Tests {
    let inst = F.instance()
    @Test func offGridStartIsViolation() {
        let v = F.violations(SessionPlacementRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T10:05", "va")]))
        #expect(v.count == 1 && v[0].message.contains("off the 15-minute grid"))
    }
    @Test func wrongVenueIsViolation() {
        let v = F.violations(SessionPlacementRule(), inst, F.rota(inst, sessions: [("s3", ["w1"], "2026-11-24T15:30", "vb")]))
        #expect(v.map(\.items) == [["s3", "vb"]])
    }
    @Test func insideWindowIsFine() {
        #expect(F.violations(SessionPlacementRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T10:00", "va")])).isEmpty)
    }
    @Test func endingExactlyAtWindowEndIsFine_butOneSlotLaterIsNot() {
        #expect(F.violations(SessionPlacementRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T13:00", "va")])).isEmpty)
        #expect(F.violations(SessionPlacementRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T13:15", "va")])).count == 1)
    }
}

@Suite("H2 session staffing") struct H2Tests {
    let inst = F.instance()
    @Test func tooManyWorkers() {
        let v = F.violations(SessionStaffingRule(), inst, F.rota(inst, sessions: [("s1", ["w1", "w2"], "2026-11-23T10:00", "va")]))
        #expect(v.count == 1 && v[0].message.contains("needs 1"))
    }
    @Test func transportNeedsDriverLead() {
        let v = F.violations(SessionStaffingRule(), inst, F.rota(inst, sessions: [("s3", ["w2"], "2026-11-24T15:30", "va")]))
        #expect(v.map(\.items) == [["s3", "w2"]])
        #expect(F.violations(SessionStaffingRule(), inst, F.rota(inst, sessions: [("s3", ["w1"], "2026-11-24T15:30", "va")])).isEmpty)
    }
    @Test func excludedWorkerAndSkills() {
        let inst = F.instance { sc in sc.cases[0].excludedWorkers = ["w2"]; sc.sessions[0].requiredSkills = ["senior"] }
        let v = F.violations(SessionStaffingRule(), inst, F.rota(inst, sessions: [("s1", ["w2"], "2026-11-23T10:00", "va")]))
        #expect(v.count == 2)
        #expect(F.violations(SessionStaffingRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T10:00", "va")])).isEmpty)
    }
}

@Suite("H3 availability") struct H3Tests {
    let inst = F.instance { sc in
        sc.workers[0].unavailable = [Period(from: F.dt("2026-11-23T10:00"), to: F.dt("2026-11-23T11:00"), reason: "training")]
    }
    @Test func sessionDuringLeave() {
        let v = F.violations(AvailabilityRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T10:30", "va")]))
        #expect(v.count == 1 && v[0].message.contains("training"))
    }
    @Test func startingWhenLeaveEndsIsFine() {
        #expect(F.violations(AvailabilityRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T11:00", "va")])).isEmpty)
    }
    @Test func outsideAvailabilityWindow() {
        // w2 is available 09:00-17:00 on weekdays only: the Saturday duty breaks it, and so would a standby shift on leave.
        let v = F.violations(AvailabilityRule(), inst, F.rota(inst, shifts: [("WD-sat", ["w2"])]))
        #expect(v.count == 1)
        let leave = F.instance { sc in sc.workers[0].unavailable = [Period(from: F.dt("2026-11-23T20:00"), to: F.dt("2026-11-24T00:00"))] }
        #expect(F.violations(AvailabilityRule(), leave, F.rota(leave, shifts: [("OC-mon", ["w1"])])).count == 1)
    }
}

@Suite("H4 travel") struct H4Tests {
    let inst = F.instance()
    var travel: Int { inst.travel.minutes(inst.locationIndex["fc-a"]!, inst.locationIndex["fc-b"]!) }

    @Test func backToBackAtDifferentPlacesIsViolation() {
        let v = F.violations(TravelRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T10:00", "va"), ("s2", ["w1"], "2026-11-23T11:00", "vb")]))
        #expect(v.count == 1 && v[0].message.contains("needs \(travel) min travel"))
    }
    @Test func backToBackAtSamePlaceIsFine() {
        #expect(F.violations(TravelRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T10:00", "va"), ("s2", ["w1"], "2026-11-23T11:00", "va")])).isEmpty)
    }
    @Test func firstGridStartAfterTravelIsFine_oneSlotEarlierIsNot() {
        let earliest = 11 * 60 + travel
        let ok = (earliest + 14) / 15 * 15, bad = ok - 15
        func at(_ m: Int) -> String { "2026-11-23T\(formatClockTime(m))" }
        #expect(F.violations(TravelRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T10:00", "va"), ("s2", ["w1"], at(ok), "vb")])).isEmpty)
        #expect(F.violations(TravelRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T10:00", "va"), ("s2", ["w1"], at(bad), "vb")])).count == 1)
    }
    @Test func sameStartIsViolation() {
        #expect(F.violations(TravelRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T10:00", "va"), ("s2", ["w1"], "2026-11-23T10:00", "va")])).count == 1)
    }
}

@Suite("H5 venues") struct H5Tests {
    let inst = F.instance()
    @Test func twoSessionsInOneRoom() {
        let v = F.violations(VenueRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T10:00", "va"), ("s2", ["w2"], "2026-11-23T10:30", "va")]))
        #expect(v.count == 1 && v[0].items.contains("va"))
    }
    @Test func touchingSessionsShareARoom() {
        #expect(F.violations(VenueRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T10:00", "va"), ("s2", ["w2"], "2026-11-23T11:00", "va")])).isEmpty)
    }
    @Test func closedVenue() {
        let late = F.instance { sc in sc.venues[0].open = [WeeklyWindow(days: [.mon], from: 11 * 60, to: 20 * 60)] }
        #expect(F.violations(VenueRule(), late, F.rota(late, sessions: [("s1", ["w1"], "2026-11-23T10:45", "va")])).count == 1)
        #expect(F.violations(VenueRule(), late, F.rota(late, sessions: [("s1", ["w1"], "2026-11-23T11:00", "va")])).isEmpty)
    }
}

@Suite("H6 caseload") struct H6Tests {
    @Test func overCap() {
        let inst = F.instance { sc in sc.workers[0].caseloadCap = 3; sc.workers[0].caseloadOther = 3 }
        #expect(F.violations(CaseloadRule(), inst, F.rota(inst)).count == 1)
    }
    @Test func atCapIsFine() {
        let inst = F.instance { sc in sc.workers[0].caseloadCap = 4; sc.workers[0].caseloadOther = 3 }
        #expect(F.violations(CaseloadRule(), inst, F.rota(inst)).isEmpty)
        // Allocating the unallocated case too puts w1 over.
        #expect(F.violations(CaseloadRule(), inst, F.rota(inst, allocations: [("c2", "w1")])).count == 1)
    }
    @Test func caseWithSessionsNeedsAllocation() {
        let inst = F.instance()
        let without = F.rota(inst, sessions: [("s3", ["w1"], "2026-11-24T15:30", "va")])
        #expect(F.violations(CaseloadRule(), inst, without).map(\.items) == [["c2", "s3"]])
        let with = F.rota(inst, sessions: [("s3", ["w1"], "2026-11-24T15:30", "va")], allocations: [("c2", "w1")])
        #expect(F.violations(CaseloadRule(), inst, with).isEmpty)
    }
}

@Suite("H7 working minutes") struct H7Tests {
    @Test func overWeeklyMaximum() {
        let inst = F.instance { sc in sc.workers[0].maxMinutes = 59 }
        #expect(F.violations(WorkingMinutesRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T10:00", "va")])).count == 1)
    }
    @Test func exactlyAtMaximumIsFine() {
        // s1 at va (the office's coordinates): 60 min, no travel.
        let inst = F.instance { sc in sc.workers[0].maxMinutes = 60 }
        #expect(F.violations(WorkingMinutesRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T10:00", "va")])).isEmpty)
    }
    @Test func minimumTotalAndTravelCounts() {
        let inst = F.instance { sc in sc.workers[1].minTotalMinutes = 100 }
        let a = F.rota(inst, sessions: [("s1", ["w2"], "2026-11-23T10:00", "vb")])
        let e = Evaluation(instance: inst, assignment: a)
        let t = inst.travel.minutes(inst.locationIndex["office"]!, inst.locationIndex["fc-b"]!) + inst.travel.minutes(inst.locationIndex["fc-b"]!, inst.locationIndex["office"]!)
        #expect(e.weekMinutes[1][0] == 60 + t)
        #expect(F.violations(WorkingMinutesRule(), inst, a).isEmpty == (60 + t >= 100))
        #expect(F.violations(WorkingMinutesRule(), inst, F.rota(inst)).count == 1)
    }
}

@Suite("H8 rest") struct H8Tests {
    @Test func restBetweenDays() {
        let inst = F.instance { sc in sc.rules.minRestMinutes = 16 * 60 + 1 }
        #expect(F.violations(RestRule(), inst, F.rota(inst, shifts: [("WD-sat", ["w1"]), ("WD-sun", ["w1"])])).count == 1)
        let exact = F.instance { sc in sc.rules.minRestMinutes = 16 * 60 }
        #expect(F.violations(RestRule(), exact, F.rota(exact, shifts: [("WD-sat", ["w1"]), ("WD-sun", ["w1"])])).isEmpty)
    }
    @Test func forbiddenSuccession() {
        let inst = F.instance { sc in sc.shiftTypes[1].cannotFollow = ["WD"] }
        #expect(F.violations(RestRule(), inst, F.rota(inst, shifts: [("WD-sat", ["w1"]), ("WD-sun", ["w1"])])).count == 1)
        #expect(F.violations(RestRule(), inst, F.rota(inst, shifts: [("WD-sat", ["w1"]), ("WD-sun", ["w2"])])).isEmpty)
    }
}

@Suite("H9 shift limits") struct H9Tests {
    @Test func maxShiftsOfType() {
        let inst = F.instance { sc in sc.workers[0].maxShifts = ["WD": 1] }
        #expect(F.violations(ShiftLimitsRule(), inst, F.rota(inst, shifts: [("WD-sat", ["w1"]), ("WD-sun", ["w1"])])).count == 1)
        #expect(F.violations(ShiftLimitsRule(), inst, F.rota(inst, shifts: [("WD-sat", ["w1"])])).isEmpty)
    }
    @Test func weekendsCountOncePerWeekendWithHistory() {
        let one = F.instance { sc in sc.workers[0].maxWeekends = 1 }
        #expect(F.violations(ShiftLimitsRule(), one, F.rota(one, shifts: [("WD-sat", ["w1"]), ("WD-sun", ["w1"])])).isEmpty)
        let used = F.instance { sc in sc.workers[0].maxWeekends = 1; sc.workers[0].history.weekendsWorked = 1 }
        #expect(F.violations(ShiftLimitsRule(), used, F.rota(used, shifts: [("WD-sun", ["w1"])])).count == 1)
    }
    @Test func shiftsPerDay() {
        let inst = F.instance { sc in
            var extra = Shift(id: "OC-sat", type: "OC", date: F.day("2026-11-28")); extra.min = 0
            sc.shifts.append(extra)
        }
        #expect(F.violations(ShiftLimitsRule(), inst, F.rota(inst, shifts: [("WD-sat", ["w1"]), ("OC-sat", ["w1"])])).count == 1)
    }
}

@Suite("H10 runs of days") struct H10Tests {
    @Test func tooManyDaysInARow() {
        let inst = F.instance { sc in sc.workers[0].maxConsecutiveDays = 1 }
        #expect(F.violations(ConsecutiveDaysRule(), inst, F.rota(inst, shifts: [("WD-sat", ["w1"]), ("WD-sun", ["w1"])])).count == 1)
    }
    @Test func shortRunInsideHorizonIsViolation_atEdgeIsExempt() {
        let inst = F.instance { sc in sc.workers[0].minConsecutiveDays = 2 }
        // Tuesday only: a 1-day run in the middle of the week.
        #expect(F.violations(ConsecutiveDaysRule(), inst, F.rota(inst, sessions: [("s3", ["w1"], "2026-11-24T15:30", "va")], allocations: [("c2", "w1")])).count == 1)
        // Sunday only: touches the last day, exempt.
        #expect(F.violations(ConsecutiveDaysRule(), inst, F.rota(inst, shifts: [("WD-sun", ["w1"])])).isEmpty)
    }
    @Test func daysOffMinimum() {
        let inst = F.instance { sc in sc.workers[0].minConsecutiveDaysOff = 2 }
        let a = F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T10:00", "va"), ("s3", ["w1"], "2026-11-24T15:30", "va")],
                       shifts: [("WD-sat", ["w1"])], allocations: [("c2", "w1")])
        // Mon, Tue worked; Wed-Fri off (3 days, fine); Sat worked; Sun off touches the edge.
        #expect(F.violations(ConsecutiveDaysRule(), inst, a).isEmpty)
        // Four days off in a row are needed: Wed-Fri (3 days, inside the horizon) is too short.
        let strict = F.instance { sc in sc.workers[0].minConsecutiveDaysOff = 4 }
        let v = F.violations(ConsecutiveDaysRule(), strict, a)
        #expect(v.count == 1 && v[0].message.contains("3 day(s) off"))
    }
}

@Suite("H11 shift staffing") struct H11Tests {
    @Test func belowMinimumAndSkills() {
        let inst = F.instance { sc in sc.shifts[0].min = 1 }
        #expect(F.violations(ShiftCoverRule(), inst, F.rota(inst)).count == 1)
        #expect(F.violations(ShiftCoverRule(), inst, F.rota(inst, shifts: [("OC-mon", ["w2"])])).map(\.items) == [["OC-mon", "w2"]])
        #expect(F.violations(ShiftCoverRule(), inst, F.rota(inst, shifts: [("OC-mon", ["w1"])])).isEmpty)
    }
    @Test func aboveMaximum() {
        let inst = F.instance { sc in sc.shifts[1].max = 1 }
        #expect(F.violations(ShiftCoverRule(), inst, F.rota(inst, shifts: [("WD-sat", ["w1", "w2"])])).count == 1)
    }
}

@Suite("H12 pinned and frozen") struct H12Tests {
    @Test func pinnedSessionMoved() {
        let inst = F.instance { sc in sc.sessions[0].pinned = Pin(workers: ["w1"], start: F.dt("2026-11-23T10:00"), venue: "va") }
        #expect(F.violations(PinningRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T10:15", "va")])).count == 1)
        #expect(F.violations(PinningRule(), inst, F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T10:00", "va")])).isEmpty)
    }
    @Test func frozenBaselineKept() {
        var base = SolutionDocument()
        base.sessions = [SessionAssignmentDocument(id: "s1", workers: ["w1"], start: "2026-11-23T10:00", venue: "va"),
                         SessionAssignmentDocument(id: "s3", workers: ["w1"], start: "2026-11-24T15:30", venue: "va")]
        let inst = F.instance { sc in sc.baseline = base; sc.freezeBefore = F.dt("2026-11-24T00:00") }
        // s1 (before the freeze) moved: violation; s3 (after) moved: only a stability cost.
        let moved = F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T11:00", "va"), ("s3", ["w1"], "2026-11-24T16:00", "va")], allocations: [("c2", "w1")])
        #expect(F.violations(PinningRule(), inst, moved).map(\.items) == [["s1"]])
        let kept = F.rota(inst, sessions: [("s1", ["w1"], "2026-11-23T10:00", "va"), ("s3", ["w1"], "2026-11-24T16:00", "va")], allocations: [("c2", "w1")])
        #expect(F.violations(PinningRule(), inst, kept).isEmpty)
        #expect(Checker.check(kept, in: inst).objective.terms.stability == inst.weights.change)
    }
}
