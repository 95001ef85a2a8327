import Foundation
import Testing
import RotaChecker
import RotaModel
import RotaWorkflows

/// Repository root: three levels above this file.
private let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private func example(_ name: String) -> String { repo.appendingPathComponent("examples/\(name)").path }
private let familyWeek = example("family-time-week.json")
private let tiny = example("small/tiny.json")

/// The native solver's construction (no time-bound local search), fixed seed: answers repeat
/// exactly and tests stay fast (about 0.2 s a solve of the family week in a debug build).
private let runner = SolveRunner(backends: WorkflowBackends.native(maxIdleMoves: 400, localSearch: false))
private let fast = SolveOptions(timeLimit: 5, seed: 1)

/// The family week solved once for all tests.
private let familySolved: Result<(Instance, SolutionDocument), any Error> = Result {
    let inst = try Instance.load(path: familyWeek)
    return (inst, runner.solve(inst, choice: .greedy, options: fast).document)
}

private func tmpDir() throws -> String {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("rota-workflow-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
    return d
}

private func solved(_ path: String) throws -> (Instance, SolutionDocument) {
    if path == familyWeek {
        let (inst, doc) = try familySolved.get()
        #expect(Checker.check(doc, in: inst).isValid, "the native solver finds a valid rota for the family week")
        return (inst, doc)
    }
    let inst = try Instance.load(path: path)
    let out = runner.solve(inst, choice: .greedy, options: fast)
    #expect(out.isValid, "the native solver finds a valid rota for \(path)")
    return (inst, out.document)
}

private func changeFile(_ dir: String, _ name: String, _ json: String) throws -> WhatIf.Change {
    let p = "\(dir)/\(name).json"
    try json.write(toFile: p, atomically: true, encoding: .utf8)
    return try WhatIf.loadChange(path: p)
}

@Suite("Workflow: what-if") struct WorkflowWhatIfTests {
    @Test("every figure of every variant is the checker's for that variant")
    func figuresAreTheCheckers() throws {
        let dir = try tmpDir()
        let tree = try DocumentLoader.load(path: familyWeek)
        let sick = try changeFile(dir, "sick", #"{"name": "Priya off sick", "workerOff": {"worker": "w-priya", "from": "2026-11-25"}}"#)
        let agency = try changeFile(dir, "agency", """
            {"name": "agency worker", "addWorker": {"id": "w-agency", "skills": ["driver"], "base": "office-worcester",
             "contractMinutes": 2220, "costPerHour": 28, "agency": true}, "caseloadCap": {"cap": 30}}
            """)
        let variants = try WhatIf.run(scenario: tree, file: familyWeek, changes: [sick, agency], choice: .greedy,
                                      options: fast, runner: runner)
        #expect(variants.map(\.name) == ["baseline", "Priya off sick", "agency worker"])
        for v in variants {
            // Re-read the variant's own scenario and solution from scratch and recompute.
            let inst = try Instance.compile(v.tree, file: v.name)
            let report = Checker.check(v.outcome.document, in: inst)
            #expect(report.isValid, "\(v.name): the variant's rota passes the checker")
            let f = WhatIf.figures(name: v.name, document: v.outcome.document, report: report, instance: inst, tree: v.tree)
            #expect(f == v.figures, "\(v.name)")
            #expect(v.figures.objective == report.objective.total)
            #expect(v.figures.fairness == report.objective.terms.fairness)
            let summaries = report.evaluation.workerSummaries()
            #expect(v.figures.overtimeMinutes == summaries.reduce(0) { $0 + $1.overtimeMinutes })
            #expect(v.figures.travelMinutes == summaries.reduce(0) { $0 + $1.travelMinutes })
            #expect(v.figures.sessionsCovered == v.outcome.document.sessions.filter(\.isAssigned).count)
            #expect(v.figures.unassigned + v.figures.sessionsCovered == inst.sessions.count)
        }
        // The agency worker's cost is their working minutes at £28 an hour.
        let ag = variants[2]
        let w = ag.instance.workerIndex["w-agency"]!
        let minutes = Checker.check(ag.outcome.document, in: ag.instance).evaluation.weekMinutes[w].reduce(0, +)
        #expect(ag.figures.agencyMinutes == minutes)
        #expect(abs(ag.figures.agencyCost - Double(minutes) * 28 / 60) < 0.01)
        #expect(variants[0].figures.agencyMinutes == 0)
        let text = WhatIf.render(variants)
        #expect(text.contains("Priya off sick") && text.contains("objective"))
    }

    @Test("a worker-off change removes that worker's work from the variant")
    func workerOffRemovesWork() throws {
        let dir = try tmpDir()
        let tree = try DocumentLoader.load(path: familyWeek)
        let (inst0, doc0) = try solved(familyWeek)
        // Pick the busiest worker of the baseline rota.
        let e0 = Checker.check(doc0, in: inst0).evaluation
        let busiest = inst0.workers.indices.max { e0.activities[$0].count < e0.activities[$1].count }!
        let id = inst0.workers[busiest].id
        #expect(!e0.activities[busiest].isEmpty)
        let off = try changeFile(dir, "off", #"{"name": "off", "workerOff": {"worker": "\#(id)", "from": "2026-11-23"}}"#)
        let v = try WhatIf.run(scenario: tree, file: familyWeek, changes: [off], choice: .greedy, options: fast, runner: runner)[1]
        let report = Checker.check(v.outcome.document, in: v.instance)
        #expect(report.isValid)
        let w = v.instance.workerIndex[id]!
        #expect(report.evaluation.activities[w].isEmpty, "\(id) has no work in the variant")
        #expect(!v.outcome.document.sessions.contains { $0.workers?.contains(id) == true })
    }

    @Test("change errors name the change file and the path")
    func changeErrors() throws {
        let dir = try tmpDir()
        let tree = try DocumentLoader.load(path: tiny)
        let bad = try changeFile(dir, "bad", #"{"workerOff": {"worker": "w-nobody", "from": "2026-11-24"}, "removeSessions": ["s9"]}"#)
        do {
            _ = try WhatIf.apply(bad, to: tree)
            Issue.record("expected an error")
        } catch let e as InputError {
            #expect(e.file.hasSuffix("bad.json"))
            #expect(e.diagnostics.map(\.path).sorted() == ["$.removeSessions[0]", "$.workerOff.worker"])
        }
        #expect(throws: InputError.self) { try WhatIf.change(.object(["workersOff": .null]), file: "typo.json") }
        // A patch that makes the scenario invalid is reported against the change file.
        let broken = try changeFile(dir, "broken", #"{"addWorker": {"id": "w-new", "base": "nowhere"}}"#)
        do {
            _ = try WhatIf.run(scenario: tree, file: tiny, changes: [broken], choice: .trivial, options: fast, runner: runner)
            Issue.record("expected an error")
        } catch let e as InputError {
            #expect(e.file.contains("broken.json"))
            #expect(e.diagnostics.contains { $0.path.hasPrefix("$.workers[2]") })
        }
    }

    @Test("closeVenue, removeSessions, addSessions and caseloadCap patch the tree")
    func otherChanges() throws {
        let dir = try tmpDir()
        let tree = try DocumentLoader.load(path: tiny)
        let c = try changeFile(dir, "mix", """
            {"closeVenue": {"venue": "fc-worcester", "from": "2026-11-24T15:00", "to": "2026-11-24T20:00"},
             "removeSessions": ["s1"], "caseloadCap": {"worker": "w-ana", "cap": 4},
             "addSessions": [{"id": "s4", "case": "c1", "durationMinutes": 60,
                              "windows": [{"from": "2026-11-24T12:00", "to": "2026-11-24T14:00"}], "venues": ["fc-worcester"]}]}
            """)
        let inst = try Instance.compile(try WhatIf.apply(c, to: tree), file: "mix")
        #expect(inst.sessionIndex["s1"] == nil && inst.sessionIndex["s4"] != nil)
        #expect(inst.workers[inst.workerIndex["w-ana"]!].caseloadCap == 4)
        // s2 and s3 only use the closed venue and fit nowhere else: no one can take them.
        let s2 = inst.sessions[inst.sessionIndex["s2"]!]
        #expect(s2.skills.contains("venue-closed:fc-worcester"))
        let v = try WhatIf.run(scenario: tree, file: tiny, changes: [c], choice: .greedy, options: fast, runner: runner)
        #expect(v[1].figures.sessions == 3)
        #expect(v[1].figures.sessionsCovered <= 1)
    }
}

@Suite("Workflow: re-optimise") struct WorkflowReoptimiseTests {
    /// The family week solved, then re-optimised after a change, frozen before Wednesday.
    @Test("keeps frozen work, changes no more than solving from scratch, repeats byte for byte")
    func reoptimise() throws {
        let (inst0, published) = try solved(familyWeek)
        let freeze = LocalDateTime(parsing: "2026-11-25T00:00")!
        let inst = try Reoptimise.prepare(inst0.scenario, baseline: published, freezeBefore: freeze, file: familyWeek)
        let r1 = Reoptimise.run(inst, choice: .greedy, options: fast, runner: runner)
        let doc = try #require(r1.document)
        let report = Checker.check(doc, in: inst)
        #expect(report.isValid)
        #expect(doc.seconds == nil)
        // Every published assignment before the freeze is kept exactly.
        let base = Assignment.baseline(of: inst)!
        let now = report.evaluation.assignment
        let f = inst.freezeBefore!
        for (s, p) in base.sessions.enumerated() where p != nil && p!.start < f { #expect(now.sessions[s] == p) }
        for (h, shift) in inst.shifts.enumerated() where shift.interval.start < f {
            #expect(Set(now.shiftWorkers[h]) == Set(base.shiftWorkers[h]))
        }
        // The change list is exactly what differs, and the exit code follows it.
        #expect(r1.exitCode == (r1.changes.isEmpty ? 0 : 10))
        #expect(r1.changes.isEmpty == (report.objective.terms.stability == 0))
        // Solving from scratch (no baseline) changes at least as much.
        let scratch = runner.solve(inst0, choice: .greedy, options: SolveOptions(timeLimit: 5, seed: 7))
        let scratchAgainstBaseline = Checker.check(scratch.document, in: inst)
        #expect(report.objective.terms.stability <= scratchAgainstBaseline.objective.terms.stability)
        // A second run gives the same bytes.
        let r2 = Reoptimise.run(inst, choice: .greedy, options: fast, runner: runner)
        #expect(try r2.document!.jsonData() == doc.jsonData())
    }

    @Test("nothing to improve: no change, exit code 0 (library and command line)", arguments: [SolverChoice.greedy, .trivial])
    func noChange(choice: SolverChoice) throws {
        let inst0 = try Instance.load(path: tiny)
        var published = SolutionDocument()
        published.sessions = [SessionAssignmentDocument(id: "s1", workers: ["w-ana"], start: "2026-11-24T10:00", venue: "fc-worcester"),
                              SessionAssignmentDocument(id: "s2", workers: ["w-ben"], start: "2026-11-24T15:30", venue: "fc-worcester"),
                              SessionAssignmentDocument(id: "s3", workers: ["w-ana"], start: "2026-11-24T16:00", venue: "fc-worcester")]
        let inst = try Reoptimise.prepare(inst0.scenario, baseline: published, freezeBefore: LocalDateTime(parsing: "2026-11-24T12:00")!, file: tiny)
        let r = Reoptimise.run(inst, choice: choice, options: fast, runner: runner)
        #expect(r.changes.isEmpty)
        #expect(r.exitCode == 0)
        let doc = try #require(r.document)
        #expect(Checker.check(doc, in: inst).isValid)
        #expect(doc.sessions.map(\.workers) == published.sessions.map(\.workers))

        // The command line, when this build registers `reoptimise`.
        guard choice == .trivial, let rota = rotaExecutable(), try helpText(rota, ["reoptimise", "--help"]).contains("--freeze-before") else { return }
        let dir = try tmpDir()
        try published.jsonData().write(to: URL(fileURLWithPath: "\(dir)/published.json"))
        let args = ["reoptimise", tiny, "--baseline", "\(dir)/published.json", "--freeze-before", "2026-11-24T12:00",
                    "--solver", "trivial", "--time-limit", "2", "--output", "\(dir)/new.json", "--changes", "\(dir)/changes.json", "--quiet"]
        #expect(try run(rota, args) == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/new.json"))
        #expect(try run(rota, args) == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(dir)/new.json")) == first, "byte-identical second run")
        #expect(!String(decoding: first, as: UTF8.self).contains("\"seconds\""))
        // A failed run (unknown baseline file) leaves the output untouched, exit 2.
        var bad = args
        bad[3] = "\(dir)/missing.json"
        #expect(try run(rota, bad) == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(dir)/new.json")) == first)
        // Someone off sick: the rota changes, exit 10.
        var sc = inst0.scenario
        sc.workers[1].unavailable = [Period(from: LocalDateTime(parsing: "2026-11-24T13:00")!, to: LocalDateTime(parsing: "2026-11-25T00:00")!, reason: "sick")]
        let sickTree = try JSONDecoder().decode(JSONValue.self, from: try Data(contentsOf: URL(fileURLWithPath: tiny)))
        guard case .object(var o) = sickTree, case .array(var ws) = o["workers"]!, case .object(var ben) = ws[1] else { Issue.record("tiny"); return }
        ben["unavailable"] = .array([.object(["from": .string("2026-11-24T13:00"), "to": .string("2026-11-25T00:00"), "reason": .string("sick")])])
        ws[1] = .object(ben); o["workers"] = .array(ws)
        let sickPath = "\(dir)/sick.json"
        try JSONEncoder().encode(JSONValue.object(o)).write(to: URL(fileURLWithPath: sickPath))
        var sickArgs = args
        sickArgs[1] = sickPath
        #expect(try run(rota, sickArgs) == 10)
        let changes = try JSONDecoder().decode([Reoptimise.Change].self, from: Data(contentsOf: URL(fileURLWithPath: "\(dir)/changes.json")))
        #expect(changes.contains { $0.worker == "w-ben" && $0.change == "loses" && $0.id == "s2" })
        _ = sc
    }

    @Test("after a change: frozen work kept, stability lower than from scratch, change list names who gains and loses")
    func reoptimiseAfterChange() throws {
        let (inst0, published) = try solved(familyWeek)
        // Someone is off sick from Thursday: their work from then on must move.
        let e0 = Checker.check(published, in: inst0).evaluation
        let freezeAbs = inst0.clock.midnight(ofDay: 3)
        let victim = inst0.workers.indices.max { a, b in
            e0.activities[a].filter { $0.interval.start >= freezeAbs }.count < e0.activities[b].filter { $0.interval.start >= freezeAbs }.count
        }!
        var sc = inst0.scenario
        sc.workers[victim].unavailable.append(Period(from: LocalDateTime(parsing: "2026-11-26T00:00")!, to: LocalDateTime(parsing: "2026-11-30T00:00")!, reason: "sick"))
        let inst = try Reoptimise.prepare(sc, baseline: published, freezeBefore: LocalDateTime(parsing: "2026-11-26T00:00")!, file: "sick")
        let r = Reoptimise.run(inst, choice: .greedy, options: fast, runner: runner)
        let doc = try #require(r.document)
        let report = Checker.check(doc, in: inst)
        #expect(report.isValid)
        #expect(!r.changes.isEmpty)
        let id = inst.workers[victim].id
        #expect(r.changes.contains { $0.worker == id && $0.change == "loses" })
        #expect(!doc.sessions.contains { $0.workers?.contains(id) == true && ($0.start ?? "") >= "2026-11-26" })
        let base = Assignment.baseline(of: inst)!
        for (s, p) in base.sessions.enumerated() where p != nil && p!.start < inst.freezeBefore! {
            #expect(report.evaluation.assignment.sessions[s] == p)
        }
        let scratch = runner.solve(try Instance.compile(sc), choice: .greedy, options: fast)
        if scratch.isValid {
            let s = Checker.check(scratch.document, in: inst).objective.terms.stability
            #expect(report.objective.terms.stability <= s)
        }
    }
}

@Suite("Workflow: explain") struct WorkflowExplainTests {
    @Test("explain names unassigned sessions with reasons, never a case name")
    func explain() throws {
        let (inst, doc) = try solved(familyWeek)
        let text = Explain.render(doc, instance: inst)
        let md = Explain.render(doc, instance: inst, options: .init(markdown: true))
        for c in inst.scenario.cases { if let n = c.name { #expect(!text.contains(n) && !md.contains(n)) } }
        #expect(text.contains("w-harriet"))
        #expect(md.contains("| worker |"))
        // A rota with everything unassigned: each session gets computed reasons.
        var empty = doc
        empty.sessions = empty.sessions.map { SessionAssignmentDocument(id: $0.id, unassigned: true) }
        let t2 = Explain.render(empty, instance: inst)
        #expect(t2.contains("Unassigned sessions (\(inst.sessions.count))"))
        #expect(t2.contains("computed from the rota"))
        // Worker on leave is named as such for a session in their leave.
        let tinyInst = try Instance.load(path: tiny)
        var sc = tinyInst.scenario
        sc.workers[0].unavailable = [Period(from: LocalDateTime(parsing: "2026-11-24T00:00")!, to: LocalDateTime(parsing: "2026-11-25T00:00")!, reason: "annual leave")]
        let i2 = try Instance.compile(sc)
        let e = Evaluation(instance: i2, assignment: Assignment.empty(for: i2))
        let reasons = WorkflowReasons.reasons(for: 0, in: e)
        #expect(reasons.contains { $0.contains("w-ana is on leave (annual leave)") })
        #expect(reasons.contains { $0.contains("w-ben is not available") })
    }
}

@Suite("Workflow: the solve summary") struct WorkflowSummaryTests {
    @Test("lists the first unassigned sessions, mandatory ones first, and counts the rest; every one on request")
    func capsUnassigned() throws {
        // The family week's rota with every session taken out: all 59 open, 22 of them mandatory.
        let (inst, doc) = try solved(familyWeek)
        var open = doc
        open.sessions = open.sessions.map { SessionAssignmentDocument(id: $0.id, unassigned: true) }
        var rota = Assignment.empty(for: inst)
        rota.shiftWorkers = Checker.check(doc, in: inst).evaluation.assignment.shiftWorkers
        let outcome = SolveOutcome(document: open, report: Checker.check(rota, in: inst))
        let mandatory = inst.sessions.filter(\.mandatory).count
        #expect(mandatory > Summary.unassignedShown && inst.sessions.count > mandatory)
        let short = Summary.render(outcome, instance: inst).split(separator: "\n")
        let listed = short.filter { $0.hasPrefix("  unassigned ") }
        #expect(listed.count == Summary.unassignedShown)
        #expect(listed.allSatisfy { $0.contains("(mandatory)") })
        #expect(short.contains { $0.contains("… and \(inst.sessions.count - Summary.unassignedShown) more unassigned sessions") })
        let all = Summary.render(outcome, instance: inst, unassignedShown: nil).split(separator: "\n")
        let every = all.filter { $0.hasPrefix("  unassigned ") }
        #expect(every.count == inst.sessions.count)
        #expect(every.prefix(mandatory).allSatisfy { $0.contains("(mandatory)") } && !every[mandatory].contains("(mandatory)"))
        #expect(!all.contains { $0.contains("more unassigned sessions") })
    }
}

@Suite("Workflow: exports") struct WorkflowExportTests {
    @Test("ICS: no case names, folded lines, one VEVENT per assignment, CANCELLED and SEQUENCE against the previous rota")
    func ics() throws {
        let (inst, doc) = try solved(familyWeek)
        let files = ExportICS.files(doc, instance: inst, previous: nil, stamp: Date(timeIntervalSince1970: 0))
        #expect(files.count == inst.workers.count)
        let all = files.map(\.content).joined()
        for c in inst.scenario.cases { if let n = c.name { #expect(!all.contains(n)) } }
        let e = Checker.check(doc, in: inst).evaluation
        let assignments = e.activities.reduce(0) { $0 + $1.count }
        #expect(all.components(separatedBy: "BEGIN:VEVENT").count - 1 == assignments)
        for f in files {
            #expect(f.content.hasSuffix("\r\n"))
            let lines = f.content.components(separatedBy: "\r\n")
            for l in lines { #expect(l.utf8.count <= 75, "\(l)") }
            #expect(!f.content.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
            #expect(f.content.contains("BEGIN:VTIMEZONE") && f.content.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"))
        }
        #expect(all.contains("\r\n "), "long lines are folded")
        #expect(all.contains("DTSTART;TZID=Europe/London:2026112"))
        // Against a previous rota: one session moved, one removed.
        let assigned = doc.sessions.indices.filter { doc.sessions[$0].isAssigned }
        try #require(assigned.count >= 2)
        var previous = doc
        let moved = assigned[0], removed = assigned[1]
        var newDoc = doc
        newDoc.sessions[removed] = SessionAssignmentDocument(id: doc.sessions[removed].id, unassigned: true)
        previous.sessions[moved].start = shift(doc.sessions[moved].start!, inst, minutes: -15)
        let files2 = ExportICS.files(newDoc, instance: inst, previous: previous, stamp: Date(timeIntervalSince1970: 0))
        let all2 = files2.map(\.content).joined()
        let removedLead = doc.sessions[removed].workers![0]
        let uid = "UID:\(doc.sessions[removed].id)-\(removedLead)@rota"
        let block = try #require(events(all2).first { $0.contains(uid) })
        #expect(block.contains("STATUS:CANCELLED") && block.contains("SEQUENCE:1"))
        let movedUID = "UID:\(doc.sessions[moved].id)-\(doc.sessions[moved].workers![0])@rota"
        let movedBlock = try #require(events(all2).first { $0.contains(movedUID) })
        #expect(movedBlock.contains("SEQUENCE:1") && movedBlock.contains("STATUS:CONFIRMED"))
        #expect(events(all2).filter { $0.contains("SEQUENCE:0") }.count == assignments - 2)
        // Sequences already in the folder are carried on.
        #expect(ExportICS.sequences(in: all2)[String(uid.dropFirst(4))] == 1)
    }

    @Test("ICS folding never splits a UTF-8 character and keeps 75 octets")
    func folding() {
        let line = "DESCRIPTION:" + String(repeating: "é€", count: 60)
        let folded = ExportICS.fold(line)
        for l in folded.components(separatedBy: "\r\n") { #expect(l.utf8.count <= 75) }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        #expect(ExportICS.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }

    @Test("CSV: RFC 4180 quoting and a row per activity")
    func csv() throws {
        #expect(ExportCSV.field("plain") == "plain")
        #expect(ExportCSV.field("a,b") == "\"a,b\"")
        #expect(ExportCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ExportCSV.field("two\nlines") == "\"two\nlines\"")
        let (inst, doc) = try solved(familyWeek)
        let text = ExportCSV.render(doc, instance: inst)
        let rows = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows[0] == "worker,date,start,end,kind,id,venue,case,role,minutes")
        let e = Checker.check(doc, in: inst).evaluation
        #expect(rows.count - 1 == e.activities.reduce(0) { $0 + $1.count })
        #expect(rows.contains { $0.contains(",lead (transport),") || $0.contains(",lead,") })
        for c in inst.scenario.cases { if let n = c.name { #expect(!text.contains(n)) } }
    }

    @Test("HTML: self-contained, escaped, lists unassigned sessions with reasons")
    func html() throws {
        let tinyInst = try Instance.load(path: tiny)
        var sc = tinyInst.scenario
        sc.name = "Tiny <script>alert(\"x\")</script> & co"
        let inst = try Instance.compile(sc)
        let doc = runner.solve(inst, choice: .trivial, options: fast).document
        let html = ExportHTML.render(doc, instance: inst)
        #expect(!html.contains("<script>"))
        #expect(html.contains("Tiny &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co"))
        #expect(html.contains("Unassigned sessions (3)"))
        for id in ["s1", "s2", "s3"] { #expect(html.contains(">\(id)")) }
        #expect(html.contains("<li>"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link"))
        for c in sc.cases { if let n = c.name { #expect(!html.contains(n)) } }
        let (fi, fd) = try solved(familyWeek)
        let full = ExportHTML.render(fd, instance: fi)
        #expect(full.contains("class=\"a transport\"") || full.contains("class=\"a lead\""))
        #expect(full.contains("Totals per worker"))
    }
}

/// The `rota` executable next to the test bundle, when it has the workflow commands.
private func rotaExecutable() -> String? {
    let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [dir, dir.deletingLastPathComponent()] {
        let p = candidate.appendingPathComponent("rota").path
        if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
}

/// The executable's standard output (to see whether this build registers a subcommand).
private func helpText(_ exe: String, _ args: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = args
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// Runs the executable and returns its exit code.
private func run(_ exe: String, _ args: [String]) throws -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = args
    let err = Pipe()
    p.standardError = err
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    let data = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    _ = data
    return p.terminationStatus
}

private func events(_ ics: String) -> [String] {
    ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "BEGIN:VEVENT").dropFirst().map { String($0) }
}

private func shift(_ start: String, _ inst: Instance, minutes: Int) -> String {
    let t = inst.clock.absolute(LocalDateTime(parsing: start)!)!
    return inst.format(t + minutes)
}

@Suite struct LPExportTests {
    @Test("--write-lp refuses a model over the limit before building it and leaves the old file alone")
    func refusesTooLarge() throws {
        let inst = try Instance.load(path: familyWeek)
        let dir = try tmpDir()
        let path = dir + "/model.lp"
        try Data("previous".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: LPExport.TooLarge.self) { try LPExport.write(inst, to: path, maxNonzeros: 1000) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous")
        let message = LPExport.TooLarge(limit: 1000).description
        #expect(message.contains("more than 1,000 nonzeros") && message.contains("--lp-max-nonzeros"))
        // Under the default limit the family week is written, with its size in the first line.
        try LPExport.write(inst, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("\\ rota: ") && text.contains("Minimize") && text.contains("End"))
    }
}
