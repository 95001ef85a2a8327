import Foundation
import Testing
import RotaModel
import RotaChecker
import RotaWorkflows

/// The Curtois & Qu instances shared with the project: $ROTA_CURTOIS_DIR, else
/// <repo>/../shared/bench/curtois-qu (the repo root is three levels above this file).
private let curtoisDir: String = {
    if let d = ProcessInfo.processInfo.environment["ROTA_CURTOIS_DIR"] { return d }
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return repo.deletingLastPathComponent().appendingPathComponent("shared/bench/curtois-qu").path
}()

private func instancePath(_ n: Int) -> String { "\(curtoisDir)/Instance\(n).txt" }
/// The instance's text. Absent is a failure, not a skip (String(contentsOfFile:) throws): the shared
/// material is beside every clone these tests run in.
private func text(_ n: Int) throws -> String { try String(contentsOfFile: instancePath(n), encoding: .utf8) }

/// The README's table: days, staff, shift types, best known objective.
private let table: [Int: (days: Int, staff: Int, types: Int, best: Int)] = [
    1: (14, 8, 1, 607), 2: (14, 14, 2, 828), 3: (14, 20, 3, 1001), 4: (28, 10, 2, 1716),
    5: (28, 16, 2, 1143), 6: (28, 18, 3, 1950), 7: (28, 20, 3, 1056), 8: (28, 30, 4, 1300),
    9: (28, 36, 4, 439), 10: (28, 40, 5, 4631), 11: (28, 50, 6, 3443), 12: (28, 60, 10, 4040),
]

/// Instance n, imported and compiled (shared by this target's tests of the benchmark).
func compileInstance(_ n: Int) throws -> Instance {
    let value = try CurtoisImport.parse(try text(n), file: "Instance\(n).txt", name: "Instance\(n)")
    return try Instance.compile(value, file: "Instance\(n).txt")
}

private func encode(_ v: JSONValue) throws -> String {
    let enc = JSONEncoder()
    enc.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try enc.encode(v), as: UTF8.self)
}

// MARK: An independent reading of the raw file, for re-scoring

/// Only what the benchmark's objective needs, read with none of the importer's code.
private struct RawObjective {
    var days = 0
    var on: [(String, Int, String, Int)] = []
    var off: [(String, Int, String, Int)] = []
    var cover: [(Int, String, Int, Int, Int)] = []

    init(_ text: String) {
        var section = ""
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init) {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("SECTION_") { section = line; continue }
            let f = line.components(separatedBy: ",")
            switch section {
            case "SECTION_HORIZON": days = Int(f[0])!
            case "SECTION_SHIFT_ON_REQUESTS": on.append((f[0], Int(f[1])!, f[2], Int(f[3])!))
            case "SECTION_SHIFT_OFF_REQUESTS": off.append((f[0], Int(f[1])!, f[2], Int(f[3])!))
            case "SECTION_COVER": cover.append((Int(f[0])!, f[1], Int(f[2])!, Int(f[3])!, Int(f[4])!))
            default: break
            }
        }
    }

    /// The benchmark objective of a roster: staff id → day → shift id.
    func score(_ roster: [String: [Int: String]]) -> Int {
        var total = 0
        for (e, d, s, w) in on where roster[e]?[d] != s { total += w }
        for (e, d, s, w) in off where roster[e]?[d] == s { total += w }
        for (d, s, req, under, over) in cover {
            let x = roster.values.filter { $0[d] == s }.count
            total += x < req ? (req - x) * under : (x - req) * over
        }
        return total
    }
}

/// A roster as the checker's assignment: every shift `<type>-d<ddd>` gets its workers.
private func assignment(_ roster: [String: [Int: String]], _ inst: Instance) -> Assignment {
    var a = Assignment.empty(for: inst)
    for (e, days) in roster {
        for (d, s) in days {
            let h = inst.shiftIndex[CurtoisImport.shiftID(type: s, day: d)]!
            a.shiftWorkers[h].append(inst.workerIndex[e]!)
        }
    }
    for h in a.shiftWorkers.indices { a.shiftWorkers[h].sort() }
    return a
}

@Suite("Curtois & Qu import")
struct CurtoisImportTests {
    @Test("every shared instance imports and compiles, with the README's counts",
          arguments: Array(1...12))
    func importsAndCompiles(_ n: Int) throws {
        let inst = try compileInstance(n)
        let want = table[n]!
        #expect(inst.days == want.days)
        #expect(inst.workers.count == want.staff)
        #expect(inst.shiftTypes.count == want.types)
        #expect(inst.shifts.count == want.days * want.types)
        #expect(inst.scenario.timeZone == "UTC")
        #expect(inst.weekdays[0] == .mon)
        #expect(inst.shiftTypes.allSatisfy { !$0.fairness && !$0.standby && $0.counted == $0.duration })
        #expect(inst.workers.allSatisfy { $0.contractMinutes == nil && $0.base == 0 })
        // Every day lasts 24 h in UTC.
        #expect(inst.clock.dayStarts == (0...inst.days).map { $0 * 1440 })
        // Nothing assigned: the objective is the benchmark's for an empty roster.
        let raw = RawObjective(try text(n))
        let report = Checker.check(Assignment.empty(for: inst), in: inst)
        #expect(report.objective.total == raw.score([:]))
        #expect(report.objective.terms.cover + report.objective.terms.requests == report.objective.total)
    }

    @Test("the importer keeps the file's requests, days off, limits and cover")
    func mappingOfInstance1() throws {
        let inst = try compileInstance(1)
        let a = inst.workers[inst.workerIndex["A"]!]
        #expect(a.maxShifts == [14])
        #expect(a.maxTotalMinutes == 4320 && a.minTotalMinutes == 3360)
        #expect(a.maxConsecutiveDays == 5 && a.minConsecutiveDays == 2 && a.minConsecutiveDaysOff == 2)
        #expect(a.maxWeekends == 1)
        #expect(a.unavailable == [Interval(0, 1440)])        // A, day 0
        #expect(a.requests.count == 2 && a.requests.allSatisfy { $0.on && $0.weight == 2 })
        let c = inst.workers[inst.workerIndex["C"]!]
        #expect(c.requests.filter { !$0.on }.map(\.day) == [12, 13])
        let d3 = inst.shifts[inst.shiftIndex["D-d003"]!]
        #expect(d3.required == 4 && d3.underWeight == 100 && d3.overWeight == 1 && d3.min == 0 && d3.max == 8)
        #expect(inst.rules.maxShiftsPerDay == 1 && inst.rules.minRestMinutes == 0)
    }

    @Test("CRLF and LF files give identical scenarios",
          arguments: [1, 8, 12])
    func lineEndings(_ n: Int) throws {
        let original = try text(n)
        let lf = original.replacingOccurrences(of: "\r\n", with: "\n")
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(lf != crlf)
        let a = try CurtoisImport.parse(lf, file: "lf.txt", name: "x")
        let b = try CurtoisImport.parse(crlf, file: "crlf.txt", name: "x")
        #expect(a == b)
        #expect(try encode(a) == encode(b))
    }

    @Test("a malformed line is reported with its line number, and every problem at once")
    func malformedLines() throws {
        let text = """
            # comment\r
            SECTION_HORIZON\r
            14\r
            \r
            SECTION_SHIFTS\r
            D,480,\r
            E,4x0,D\r
            SECTION_STAFF\r
            A,D=14,4320,3360,5,2,2,1\r
            B,D=14,4320,3360,5,2,2\r
            SECTION_DAYS_OFF\r
            Z,3\r
            A,99\r
            SECTION_SHIFT_ON_REQUESTS\r
            A,2,Q,2\r
            SECTION_COVER\r
            0,D,5,100,1\r
            0,D,5,100,1\r

            """
        do {
            _ = try CurtoisImport.parse(text, file: "bad.txt", name: "bad")
            Issue.record("a malformed file was accepted")
        } catch let e as InputError {
            #expect(e.file == "bad.txt")
            let paths = e.diagnostics.map(\.path)
            #expect(paths == ["line 7", "line 10", "line 12", "line 13", "line 15", "line 18"])
            #expect(e.diagnostics[0].message.contains("4x0"))
            #expect(e.diagnostics[1].message.contains("8 fields"))
            #expect(e.diagnostics[2].message.contains("unknown staff id 'Z'"))
            #expect(e.diagnostics[3].message.contains("outside the horizon"))
            #expect(e.diagnostics[4].message.contains("unknown shift id 'Q'"))
            #expect(e.diagnostics[5].message.contains("second cover line"))
            #expect(e.description.contains("bad.txt line 7:"))
        }
    }

    @Test("a single bad line in a real instance names that line")
    func badLineInInstance1() throws {
        var lines = try text(1).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        let i = lines.firstIndex(of: "C,D=14,4320,3360,5,2,2,1")!
        lines[i] = "C,D=14,4320,3360,five,2,2,1"
        do {
            _ = try CurtoisImport.parse(lines.joined(separator: "\r\n"), file: "Instance1.txt", name: "x")
            Issue.record("a malformed file was accepted")
        } catch let e as InputError {
            #expect(e.diagnostics.map(\.path) == ["line \(i + 1)"])
            #expect(e.diagnostics[0].message.contains("MaxConsecutiveShifts 'five'"))
        }
    }

    @Test("a missing horizon and data before any section are errors")
    func structure() throws {
        #expect(throws: InputError.self) { try CurtoisImport.parse("D,480,\n", file: "x", name: "x") }
        do {
            _ = try CurtoisImport.parse("SECTION_SHIFTS\nD,480,\nSECTION_STAFF\nA,D=1,480,0,1,1,1,1\n", file: "x", name: "x")
            Issue.record("accepted a file with no horizon")
        } catch let e as InputError {
            #expect(e.diagnostics.map(\.path) == ["SECTION_HORIZON"])
        }
    }

    @Test("a hand-made valid roster of Instance1 scores the benchmark's objective")
    func rescoreInstance1() throws {
        let inst = try compileInstance(1)
        // Day 0 is a Monday; weekends are days 5-6 and 12-13. Each row: the working days.
        // Runs of 2-5 working days, 2+ days off between runs, 7-9 shifts (3360-4320 min),
        // at most one weekend, no shift on the person's day off.
        let days: [String: [Int]] = [
            "A": [2, 3, 4, 5, 6, 9, 10, 11],          // day off 0
            "B": [0, 1, 2, 3, 4, 7, 8, 9, 10],        // day off 5
            "C": [0, 1, 2, 3, 4, 9, 10, 11],          // day off 8
            "D": [0, 1, 5, 6, 7, 8, 9],               // day off 2
            "E": [1, 2, 3, 4, 7, 8, 11, 12, 13],      // day off 9
            "F": [0, 1, 2, 3, 4, 7, 8, 9, 10],        // day off 5
            "G": [2, 3, 4, 5, 6, 9, 10, 11],          // day off 1
            "H": [1, 2, 3, 4, 9, 10, 11, 12, 13],     // day off 7
        ]
        var roster: [String: [Int: String]] = [:]
        for (e, ds) in days { roster[e] = Dictionary(uniqueKeysWithValues: ds.map { ($0, "D") }) }
        let report = Checker.check(assignment(roster, inst), in: inst)
        #expect(report.violations.map(\.message) == [])
        let expected = RawObjective(try text(1)).score(roster)
        #expect(report.objective.total == expected)
        #expect(report.objective.terms.requests + report.objective.terms.cover == expected)
        #expect(expected >= table[1]!.best)     // 607 is proved optimal
    }

    @Test("rosters built by a simple rule score the same in the checker and from the raw file",
          arguments: Array(1...12))
    func rescoreByRule(_ n: Int) throws {
        let inst = try compileInstance(n)
        // Person i works type (i + d) mod T on day d unless (i + d) mod 3 == 0 (hard rules may break:
        // only the objective is compared).
        var roster: [String: [Int: String]] = [:]
        for (i, w) in inst.workers.enumerated() {
            for d in 0..<inst.days where (i + d) % 3 != 0 {
                roster[w.id, default: [:]][d] = inst.shiftTypes[(i + d) % inst.shiftTypes.count].id
            }
        }
        let report = Checker.check(assignment(roster, inst), in: inst)
        #expect(report.objective.total == RawObjective(try text(n)).score(roster))
        let t = report.objective.terms
        #expect(t.total == t.requests + t.cover)
    }
}
