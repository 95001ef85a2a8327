import Foundation
import Testing
import RotaModel
import RotaChecker
@testable import RotaGreedy

func t(_ s: String) -> LocalDateTime { LocalDateTime(parsing: s, allowEndOfDay: true)! }

/// The week the small scenarios share (from Monday 2026-11-23), with one family centre, `fc`, as
/// location and venue.
func weekAtOneCentre() -> Scenario {
    var sc = Scenario(horizon: Horizon(start: LocalDate(year: 2026, month: 11, day: 23), days: 7))
    sc.locations = [Location(id: "fc", lat: 52.19, lon: -2.22)]
    sc.venues = [Venue(id: "fc", location: "fc")]
    return sc
}

/// A session of `minutes` at `venue` with one window, `from`-`to` (local times).
func oneWindowSession(_ id: String, case c: String, minutes: Int, from: String, to: String, venue: String = "fc") -> Session {
    var s = Session(id: id, case: c, durationMinutes: minutes, windows: [TimeWindow(from: t(from), to: t(to))])
    s.venues = [venue]
    return s
}

/// Two workers at one family centre (so no travel), five sessions:
/// s1 (case c1, w-a's) and s2 (case c2, w-b's) at the same time, rooms for both: 0 each;
/// s3 needs `senior`, which nobody has: unassigned (1000);
/// s4 (case c2) falls while w-b is on leave: led by w-a (continuity 100);
/// s5 (case c2) needs `family`, which only w-b has, during the leave: unassigned (1000).
/// Optimum: 2100.
func tinyScenario() -> Scenario {
    var sc = Scenario(horizon: Horizon(start: LocalDate(year: 2026, month: 11, day: 23), days: 7))
    sc.locations = [Location(id: "fc", lat: 52.19, lon: -2.22)]
    var v = Venue(id: "fc", location: "fc"); v.rooms = 2
    sc.venues = [v]
    var a = Worker(id: "w-a", base: "fc"); a.skills = ["driver"]
    var b = Worker(id: "w-b", base: "fc"); b.skills = ["family"]
    b.unavailable = [Period(from: t("2026-11-25T00:00"), to: t("2026-11-26T00:00"), reason: "annual leave")]
    sc.workers = [a, b]
    var c1 = Case(id: "c1"); c1.allocatedWorker = "w-a"
    var c2 = Case(id: "c2"); c2.allocatedWorker = "w-b"
    sc.cases = [c1, c2]
    func session(_ id: String, _ c: String, _ from: String, _ to: String, skills: [String] = []) -> Session {
        var s = Session(id: id, case: c, durationMinutes: 90, windows: [TimeWindow(from: t(from), to: t(to))])
        s.venues = ["fc"]; s.requiredSkills = skills
        return s
    }
    sc.sessions = [
        session("s1", "c1", "2026-11-24T10:00", "2026-11-24T11:30"),
        session("s2", "c2", "2026-11-24T10:00", "2026-11-24T11:30"),
        session("s3", "c1", "2026-11-24T14:00", "2026-11-24T17:00", skills: ["senior"]),
        session("s4", "c2", "2026-11-25T10:00", "2026-11-25T12:00"),
        session("s5", "c2", "2026-11-25T14:00", "2026-11-25T16:00", skills: ["family"]),
    ]
    return sc
}

@Suite struct SmallScenarioTests {
    @Test func tinyScenarioReachesItsKnownOptimum() throws {
        let inst = try Instance.compile(tinyScenario())
        let r = GreedySolver(maxIdleMoves: 2000).solve(inst, options: SolveOptions(timeLimit: 5, seed: 7))
        let a = try #require(r.assignment)
        let report = Checker.check(a, in: inst)
        #expect(report.isFeasible)
        #expect(r.status == .feasible)
        #expect(report.objective.total == 2100)
        #expect(a.sessions[0]?.lead == inst.workerIndex["w-a"])
        #expect(a.sessions[1]?.lead == inst.workerIndex["w-b"])
        #expect(a.sessions[3]?.lead == inst.workerIndex["w-a"])
        #expect(a.sessions[2] == nil && a.sessions[4] == nil)
    }

    @Test func unassignedReasonsNameSkillsAndLeave() throws {
        let inst = try Instance.compile(tinyScenario())
        let r = GreedySolver(maxIdleMoves: 500).solve(inst, options: SolveOptions(timeLimit: 5, seed: 7))
        let s3 = try #require(r.reasons[2])
        let s5 = try #require(r.reasons[4])
        #expect(s3.contains { $0.contains("lacks senior") })
        #expect(s5.contains { $0.contains("w-b is on leave (annual leave)") })
        #expect(s5.contains { $0.contains("w-a lacks family") })
        #expect(r.reasons[0] == nil && r.reasons[1] == nil)
        #expect((1...6).contains(s5.count))
    }

    @Test func pinnedSessionStaysAndFreezeIsHonoured() throws {
        var sc = tinyScenario()
        sc.sessions[0].pinned = Pin(workers: ["w-b"], start: t("2026-11-24T10:00"), venue: "fc")
        let inst = try Instance.compile(sc)
        let r = GreedySolver(maxIdleMoves: 500).solve(inst, options: SolveOptions(timeLimit: 5, seed: 1))
        let a = try #require(r.assignment)
        #expect(Checker.check(a, in: inst).isFeasible)
        #expect(a.sessions[0]?.lead == inst.workerIndex["w-b"])
    }
}

// MARK: Shift-only instances (Curtois & Qu benchmark, converted as RotaWorkflows' importer does)

func curtoisScenario(_ path: String) throws -> Scenario {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var section = ""
    var days = 0
    var types: [ShiftType] = []
    var workers: [Worker] = []
    var shifts: [String: Shift] = [:]
    var shiftOrder: [String] = []
    let start = LocalDate(year: 2024, month: 1, day: 1)
    func dayStart(_ d: Int) -> LocalDateTime { LocalDateTime(date: start.adding(days: d), minuteOfDay: 0) }
    var requests: [String: [ShiftRequest]] = [:]
    var daysOff: [String: [Int]] = [:]
    for raw in text.split(whereSeparator: \.isNewline) {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line.isEmpty || line.hasPrefix("#") { continue }
        if line.hasPrefix("SECTION_") { section = line; continue }
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0) }
        switch section {
        case "SECTION_HORIZON": days = Int(f[0])!
        case "SECTION_SHIFTS":
            var st = ShiftType(id: f[0], start: 0, durationMinutes: Int(f[1])!)
            st.standby = false; st.fairness = false
            st.cannotFollow = f.count > 2 ? f[2].split(separator: "|").map(String.init) : []
            types.append(st)
        case "SECTION_STAFF":
            var w = Worker(id: f[0], base: "ward")
            for kv in f[1].split(separator: "|") {
                let p = kv.split(separator: "="); w.maxShifts[String(p[0])] = Int(p[1])!
            }
            w.maxTotalMinutes = Int(f[2])!; w.minTotalMinutes = Int(f[3])!
            w.maxConsecutiveDays = Int(f[4])!; w.minConsecutiveDays = Int(f[5])!
            w.minConsecutiveDaysOff = Int(f[6])!; w.maxWeekends = Int(f[7])!
            workers.append(w)
        case "SECTION_DAYS_OFF": daysOff[f[0], default: []] += f.dropFirst().compactMap { Int($0) }
        case "SECTION_SHIFT_ON_REQUESTS", "SECTION_SHIFT_OFF_REQUESTS":
            requests[f[0], default: []].append(ShiftRequest(date: start.adding(days: Int(f[1])!), shiftType: f[2],
                                                            on: section == "SECTION_SHIFT_ON_REQUESTS", weight: Int(f[3])!))
        case "SECTION_COVER":
            let d = Int(f[0])!
            var sh = Shift(id: "\(f[1])-\(d)", type: f[1], date: start.adding(days: d))
            sh.required = Int(f[2])!; sh.min = 0; sh.max = workers.count
            sh.underWeight = Int(f[3])!; sh.overWeight = Int(f[4])!
            shifts[sh.id] = sh; shiftOrder.append(sh.id)
        default: break
        }
    }
    var sc = Scenario(horizon: Horizon(start: start, days: days))
    sc.timeZone = "UTC"
    sc.locations = [Location(id: "ward", lat: 0, lon: 0)]
    sc.rules.maxShiftsPerDay = 1; sc.rules.minRestMinutes = 0; sc.rules.maxWeeklyMinutes = 7 * 1440
    sc.rules.maxConsecutiveDays = days; sc.rules.minConsecutiveDays = 1; sc.rules.minConsecutiveDaysOff = 1
    sc.shiftTypes = types
    for i in workers.indices {
        workers[i].requests = requests[workers[i].id] ?? []
        workers[i].unavailable = (daysOff[workers[i].id] ?? []).map { Period(from: dayStart($0), to: dayStart($0 + 1), reason: "day off") }
    }
    sc.workers = workers
    sc.shifts = shiftOrder.map { shifts[$0]! }
    return sc
}

/// A shared Curtois & Qu instance's path. Absent is a failure when it is read, not a skip: the shared
/// material is beside every clone these tests run in.
func curtoisPath(_ n: Int) -> String {
    examplesDirectory().appendingPathComponent("../../bench/curtois-qu/Instance\(n).txt").standardizedFileURL.path
}

@Suite struct ShiftOnlyTests {
    /// Minimum totals, minimum runs and days off: an empty rota is invalid; the solver repairs.
    @Test(arguments: [1, 2, 3])
    func curtoisInstanceIsMadeFeasible(_ n: Int) throws {
        let inst = try Instance.compile(curtoisScenario(curtoisPath(n)))
        #expect(!Checker.check(Assignment.empty(for: inst), in: inst).isFeasible)
        let r = GreedySolver(maxIdleMoves: 200_000).solve(inst, options: SolveOptions(timeLimit: 10, seed: 1))
        let a = try #require(r.assignment)
        let report = Checker.check(a, in: inst)
        #expect(report.isFeasible, "\(report.violations.prefix(5))")
        #expect(r.status == .feasible)
        print("Instance\(n): objective \(report.objective.total) in \(r.seconds) s; \(r.notes)")
    }
}

/// One room, one evening window of two hours, three sessions wanting it: one of two hours and two
/// of one hour, each costing the same (1000) if left out. The room holds either the long one or
/// both short ones, so the optimum leaves the long one out (unassigned 1000, not 2000).
@Suite struct RoomShortageTests {
    static func scenario() -> Scenario {
        var sc = Scenario(horizon: Horizon(start: LocalDate(year: 2026, month: 11, day: 23), days: 7))
        sc.locations = [Location(id: "fc", lat: 52.19, lon: -2.22)]
        sc.venues = [Venue(id: "fc", location: "fc")]
        sc.workers = ["w-a", "w-b", "w-c"].map { Worker(id: $0, base: "fc") }
        sc.cases = ["c1", "c2", "c3"].map { Case(id: $0) }
        func session(_ id: String, _ c: String, minutes: Int) -> Session {
            var s = Session(id: id, case: c, durationMinutes: minutes,
                            windows: [TimeWindow(from: t("2026-11-24T15:30"), to: t("2026-11-24T17:30"))])
            s.venues = ["fc"]
            return s
        }
        sc.sessions = [session("long", "c1", minutes: 120), session("short-1", "c2", minutes: 60),
                       session("short-2", "c3", minutes: 60)]
        return sc
    }

    @Test func constructionGivesTheRoomToTheSessionsThatCostMostPerMinute() throws {
        let inst = try Instance.compile(Self.scenario())
        let e = Engine(inst)
        e.placeFixed()
        e.preallocate()
        var rng = SplitMix64(seed: 1)
        e.constructSessions(lambda: 20, rng: &rng)
        #expect(e.sess[0] == nil, "the two-hour session is left out")
        let starts = [e.sess[1]?.start, e.sess[2]?.start].compactMap { $0 }.sorted()
        #expect(starts.count == 2, "both one-hour sessions are placed")
        if starts.count == 2 { #expect(starts[1] - starts[0] == 60, "back to back in the one room") }
        let report = Checker.check(e.assignment, in: inst)
        #expect(report.isFeasible)
        #expect(report.objective.terms.unassigned == 1000)
    }

    /// The two-hour session needs a driver (five of nine workers drive); any of the nine may take the
    /// one-hour sessions. Ordered by workers first, the long session takes the room (unassigned
    /// 2000); ordered for rooms first, the short ones do (1000), and the solver keeps that start.
    @Test func roomsBeforeWorkersWhenManyWorkersCouldTakeEither() throws {
        var sc = Self.scenario()
        sc.workers = (1...9).map { i in
            var w = Worker(id: "w-\(i)", base: "fc")
            if i <= 5 { w.skills = ["driver"] }
            return w
        }
        sc.sessions[0].requiredSkills = ["driver"]
        let inst = try Instance.compile(sc)
        func constructed(roomsFirst: Bool) -> Int {
            let e = Engine(inst)
            e.roomsFirst = roomsFirst
            e.placeFixed()
            e.preallocate()
            var rng = SplitMix64(seed: 1)
            e.constructSessions(lambda: 20, rng: &rng)
            return Checker.check(e.assignment, in: inst).objective.terms.unassigned
        }
        #expect(constructed(roomsFirst: false) == 2000)
        #expect(constructed(roomsFirst: true) == 1000)
        let r = GreedySolver(localSearch: false).solve(inst, options: SolveOptions(timeLimit: 5, seed: 1, threads: 1))
        let a = try #require(r.assignment)
        let report = Checker.check(a, in: inst)
        #expect(report.isFeasible)
        #expect(report.objective.terms.unassigned == 1000)
        #expect(a.sessions[0] == nil)
        #expect(r.notes.contains { $0.contains("rooms before workers") })
    }
}

/// Large teams keep the 40 nearest workers as a session's candidates (`Engine.maxCandidates`). Workers of
/// one office are all equally near; among them, each session keeps its own scramble, so every worker is a
/// candidate for some sessions and a busy hour can use the whole office.
@Suite struct CandidateTests {
    /// 60 workers at one office, 60 one-hour sessions at the same hour at a centre with a room each.
    static func scenario() -> Scenario {
        var sc = Scenario(horizon: Horizon(start: LocalDate(year: 2026, month: 11, day: 23), days: 7))
        sc.locations = [Location(id: "office", lat: 52.19, lon: -2.22), Location(id: "fc", lat: 52.25, lon: -2.20)]
        var v = Venue(id: "fc", location: "fc"); v.rooms = 60
        sc.venues = [v]
        sc.workers = (1...60).map { Worker(id: "w-\($0)", base: "office") }
        sc.cases = (1...60).map { Case(id: "c\($0)") }
        sc.sessions = (1...60).map { i in
            var s = Session(id: "s\(i)", case: "c\(i)", durationMinutes: 60,
                            windows: [TimeWindow(from: t("2026-11-24T10:00"), to: t("2026-11-24T11:00"))])
            s.venues = ["fc"]
            return s
        }
        return sc
    }

    @Test func everyWorkerOfAnOfficeIsACandidateSomewhere() throws {
        let inst = try Instance.compile(Self.scenario())
        let e = Engine(inst)
        #expect(e.eligibleWorkers.allSatisfy { $0.count == Engine.maxCandidates })
        let somewhere = Set(e.eligibleWorkers.joined())
        #expect(somewhere.count == 60, "workers never a candidate: \(60 - somewhere.count)")
        #expect(Set(e.eligibleWorkers).count > 1, "sessions do not all share one list")
    }

    @Test func aBusyHourUsesMoreThanFortyWorkers() throws {
        let inst = try Instance.compile(Self.scenario())
        let r = GreedySolver(localSearch: false).solve(inst, options: SolveOptions(timeLimit: 5, seed: 1, threads: 1))
        let a = try #require(r.assignment)
        let report = Checker.check(a, in: inst)
        #expect(report.isFeasible)
        let staffed = a.sessions.compactMap { $0 }.count
        #expect(staffed > Engine.maxCandidates, "\(staffed) sessions staffed")
    }
}

/// Where rooms are short, a start that leaves a gap in a venue's day costs the search `Engine.gapCost`
/// (`Engine.packBias`), so a session goes beside what the room already holds rather than at the first
/// free slot.
@Suite struct GapTests {
    /// One room, open on weekdays from 10:00; `held` and `new`, an hour each, both with a window of
    /// 09:00-14:00 on the Tuesday (opening before the venue does).
    static func scenario() -> Scenario {
        var sc = weekAtOneCentre()
        sc.venues[0].open = [WeeklyWindow(days: [.mon, .tue, .wed, .thu, .fri], from: 600, to: 1200)]
        sc.workers = [Worker(id: "w-a", base: "fc"), Worker(id: "w-b", base: "fc")]
        sc.cases = [Case(id: "c1"), Case(id: "c2")]
        sc.sessions = [("held", "c1"), ("new", "c2")].map {
            oneWindowSession($0.0, case: $0.1, minutes: 60, from: "2026-11-24T09:00", to: "2026-11-24T14:00")
        }
        return sc
    }

    @Test func aStartBesideTheRoomsSessionWhereRoomsAreShort() throws {
        let inst = try Instance.compile(Self.scenario())
        func start(packBias: Int) -> Int? {
            let e = Engine(inst)
            e.packBias = packBias
            e.place(0, SessionPlacement(workers: [0], start: inst.sessions[0].windows[0].start + 180, venue: 0), force: true)
            var rng = SplitMix64(seed: 1)
            return e.bestInsertion(1, lambda: 20, rng: &rng)?.placement.start
        }
        let day = inst.sessions[1].windows[0].start - 540      // midnight of the Tuesday
        #expect(start(packBias: 0) == day + 600, "the first free start, 10:00, where the venue opens")
        #expect(start(packBias: Engine.gapCost) == day + 660, "11:00, ending where the held session begins")
    }

    @Test func roomsShortOnlyWhenALeftOutSessionHasNoRoom() throws {
        let inst = try Instance.compile(Self.scenario())
        let e = Engine(inst)
        #expect(!e.roomsShort(), "nothing placed, nothing short")
        let day = inst.sessions[1].windows[0].start - 540
        // The room taken for the whole day but one hour: `new` still fits in that hour.
        e.place(0, SessionPlacement(workers: [0], start: day + 600, venue: 0), force: true)
        #expect(!e.roomsShort())
        var sc = Self.scenario()
        sc.sessions[0].durationMinutes = 240                   // held 10:00-14:00: the room is full
        let full = try Instance.compile(sc)
        let f = Engine(full)
        f.place(0, SessionPlacement(workers: [0], start: day + 600, venue: 0), force: true)
        #expect(f.roomsShort(), "new has no room at any start")
    }
}

@Suite struct LongLegTests {
    /// No rest rule, and a child's home five hours from both centres: `far` (30 min at 12:00, with
    /// transport) keeps its lead from 07:00 to 17:30 at home, so `late` (30 min at fc-2, window
    /// 19:00-23:30) can start no earlier than 22:30, twelve hours after `far`'s activity began.
    static func scenario() -> Scenario {
        var sc = weekAtOneCentre()
        sc.rules.minRestMinutes = 0
        sc.locations += [Location(id: "fc-2", lat: 52.20, lon: -2.22), Location(id: "home", lat: 52.21, lon: -2.22)]
        sc.travelMatrix = [("home", "fc", 300), ("fc", "home", 300), ("home", "fc-2", 300), ("fc-2", "home", 300)]
            .map { TravelEntry(from: $0.0, to: $0.1, minutes: $0.2, km: nil) }
        sc.venues.append(Venue(id: "fc-2", location: "fc-2"))
        var w = Worker(id: "w-a", base: "fc"); w.skills = ["driver"]
        sc.workers = [w]
        sc.cases = ["c1", "c2"].map { var c = Case(id: $0); c.allocatedWorker = "w-a"; return c }
        var far = oneWindowSession("far", case: "c1", minutes: 30, from: "2026-11-24T12:00", to: "2026-11-24T12:30")
        far.transportFrom = "home"
        let late = oneWindowSession("late", case: "c2", minutes: 30, from: "2026-11-24T19:00", to: "2026-11-24T23:30", venue: "fc-2")
        sc.sessions = [far, late]
        return sc
    }

    @Test func aLongTransportLegBlocksALaterStart() throws {
        let inst = try Instance.compile(Self.scenario())
        let e = Engine(inst)
        e.place(0, SessionPlacement(workers: [0], start: inst.sessions[0].windows[0].start, venue: 0), force: true)
        var rng = SplitMix64(seed: 1)
        let p = try #require(e.bestInsertion(1, lambda: 20, rng: &rng)?.placement)
        let day = inst.sessions[0].windows[0].start - 720       // midnight of the Tuesday
        #expect(p.start >= day + 22 * 60 + 30, "17:30 back home, then 300 min to fc-2")
        var a = e.assignment
        a.sessions[1] = p
        #expect(Checker.check(a, in: inst).isFeasible)
        // The checker agrees that 19:00 clashes (H4).
        a.sessions[1]!.start = day + 19 * 60
        #expect(Checker.check(a, in: inst).violatedRules.contains("H4"))
    }
}

@Suite struct CaseMoveTests {
    /// A case with no given worker and two sessions on different days: `ride` has transport, so its
    /// lead must drive; `talk` does not. `w-a` (no licence, an empty caseload) and `w-b` (a driver,
    /// five cases already) can each take both, so the search starts with the case given to `w-a`
    /// (`preallocate`: the emptier caseload), and `ride` then costs continuity. Given to `w-b`,
    /// nothing does: the optimum is 0.
    static func scenario() -> Scenario {
        var sc = weekAtOneCentre()
        let a = Worker(id: "w-a", base: "fc")
        var b = Worker(id: "w-b", base: "fc"); b.skills = ["driver"]; b.caseloadOther = 5
        sc.workers = [a, b]
        sc.cases = [Case(id: "c1")]
        var ride = oneWindowSession("ride", case: "c1", minutes: 60, from: "2026-11-24T10:00", to: "2026-11-24T11:00")
        ride.transportFrom = "fc"
        let talk = oneWindowSession("talk", case: "c1", minutes: 60, from: "2026-11-25T10:00", to: "2026-11-25T11:00")
        sc.sessions = [ride, talk]
        return sc
    }

    @Test func theSearchGivesTheCaseToTheWorkerWhoCanLeadItAll() throws {
        let inst = try Instance.compile(Self.scenario())
        let e = Engine(inst)
        e.preallocate()
        #expect(e.alloc[0] == inst.workerIndex["w-a"], "the emptier caseload first")
        func solve(caseMoves: Bool) throws -> (objective: Int, worker: Int?) {
            let e = Engine(inst)
            e.preallocate()
            var rng = SplitMix64(seed: 1)
            e.constructSessions(lambda: 20, rng: &rng)
            let ls = LocalSearch(e, seed: 3, lambda: 20)
            if !caseMoves { ls.caseMoveRate = 0 }
            let (best, _) = ls.run(until: { false }, maxIdle: 3000, verify: { _ in true })
            let r = Engine.rebuild(inst, sess: best.sess, shiftW: best.shiftW, alloc: best.alloc)
            #expect(Checker.check(r.assignment, in: inst).isFeasible)
            return (best.cost, best.alloc[0])
        }
        let with = try solve(caseMoves: true)
        #expect(with.objective == 0 && with.worker == inst.workerIndex["w-b"])
        #expect(try solve(caseMoves: false).objective == 100, "without the move the case stays with w-a")
    }
}
