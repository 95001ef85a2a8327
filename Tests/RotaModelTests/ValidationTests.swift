import Foundation
import Testing
import RotaModel

/// Bad input gives every problem at once, each with its JSON path; never a crash or a guess.
@Suite("Scenario validation") struct ValidationTests {
    static let good: String = """
    {"format": "rota-scenario/1", "name": "t", "timeZone": "Europe/London",
     "horizon": {"start": "2026-11-23", "days": 7},
     "locations": [{"id": "office", "lat": 52.19, "lon": -2.22}, {"id": "fc", "lat": 52.2, "lon": -2.2}],
     "venues": [{"id": "v1", "location": "fc", "rooms": 2, "open": [{"days": ["mon","tue"], "from": "09:00", "to": "20:00"}]}],
     "workers": [{"id": "w1", "base": "office", "skills": ["driver"]}, {"id": "w2", "base": "office"}],
     "cases": [{"id": "c1", "allocatedWorker": "w1"}],
     "sessions": [{"id": "s1", "case": "c1", "durationMinutes": 60, "venues": ["v1"],
                   "windows": [{"from": "2026-11-23T10:00", "to": "2026-11-23T12:00"}]}],
     "shiftTypes": [{"id": "OC", "start": "17:00", "durationMinutes": 960, "countedMinutes": 120}],
     "shifts": [{"id": "OC-1", "type": "OC", "date": "2026-11-23", "min": 0}]
    }
    """

    func errors(_ json: String) -> [Diagnostic] {
        do {
            _ = try Instance.compile(DocumentLoader.parse(Data(json.utf8), file: "t.json"), file: "t.json")
            return []
        } catch let e as InputError {
            return e.errors
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    func edited(_ edit: (inout [String: Any]) -> Void) -> String {
        var obj = try! JSONSerialization.jsonObject(with: Data(Self.good.utf8)) as! [String: Any]
        edit(&obj)
        return String(decoding: try! JSONSerialization.data(withJSONObject: obj), as: UTF8.self)
    }

    func session(_ edit: @escaping (inout [String: Any]) -> Void) -> String {
        edited { o in
            var s = (o["sessions"] as! [[String: Any]])[0]
            edit(&s)
            o["sessions"] = [s]
        }
    }

    @Test func goodScenarioCompiles() {
        #expect(errors(Self.good).isEmpty)
    }

    @Test func unknownIdsNamePaths() {
        let e = errors(session { s in s["case"] = "c9"; s["venues"] = ["v9"] })
        #expect(e.map(\.path).contains("$.sessions[0].case"))
        #expect(e.map(\.path).contains("$.sessions[0].venues[0]"))
        #expect(e.contains { $0.message.contains("unknown venue 'v9'") })
    }

    @Test func duplicateIds() {
        let e = errors(edited { o in
            var w = o["workers"] as! [[String: Any]]; w[1]["id"] = "w1"; o["workers"] = w
        })
        #expect(e.contains { $0.path == "$.workers[1].id" && $0.message.contains("duplicate id 'w1'") })
    }

    @Test func durationsAndWindows() {
        #expect(errors(session { s in s["durationMinutes"] = -30 }).contains { $0.path == "$.sessions[0].durationMinutes" })
        #expect(errors(session { s in s["durationMinutes"] = 0 }).contains { $0.path == "$.sessions[0].durationMinutes" })
        let short = errors(session { s in s["durationMinutes"] = 180 })
        #expect(short.contains { $0.path == "$.sessions[0].windows[0]" && $0.message.contains("shorter than the session") })
        let reversed = errors(session { s in s["windows"] = [["from": "2026-11-23T12:00", "to": "2026-11-23T10:00"]] })
        #expect(reversed.contains { $0.path == "$.sessions[0].windows[0]" })
        let offGrid = errors(session { s in s["windows"] = [["from": "2026-11-23T10:05", "to": "2026-11-23T11:10"]] })
        #expect(offGrid.contains { $0.path == "$.sessions[0].windows" && $0.message.contains("grid") })
    }

    @Test func malformedAndNonexistentTimes() {
        #expect(errors(session { s in s["windows"] = [["from": "2026-11-23 10:00", "to": "2026-11-23T12:00"]] })
            .contains { $0.path == "$.sessions[0].windows[0].from" && $0.message.contains("YYYY-MM-DDTHH:MM") })
        #expect(errors(session { s in s["windows"] = [["from": "2026-11-23T25:00", "to": "2026-11-23T12:00"]] })
            .contains { $0.path == "$.sessions[0].windows[0].from" })
        let spring = edited { o in
            o["horizon"] = ["start": "2027-03-22", "days": 7]
            var s = (o["sessions"] as! [[String: Any]])[0]
            s["windows"] = [["from": "2027-03-28T01:30", "to": "2027-03-28T04:00"]]
            o["sessions"] = [s]
            var sh = (o["shifts"] as! [[String: Any]])[0]; sh["date"] = "2027-03-22"; o["shifts"] = [sh]
        }
        #expect(errors(spring).contains { $0.path == "$.sessions[0].windows[0].from" && $0.message.contains("does not exist") })
    }

    @Test func weekdaysWorkersNeededAndMinMax() {
        let e1 = errors(edited { o in
            var v = (o["venues"] as! [[String: Any]])[0]
            v["open"] = [["days": ["mon", "funday"], "from": "09:00", "to": "17:00"]]
            o["venues"] = [v]
        })
        #expect(e1.contains { $0.path == "$.venues[0].open[0].days[1]" && $0.message.contains("funday") })
        #expect(errors(session { s in s["workersNeeded"] = 0 }).contains { $0.path == "$.sessions[0].workersNeeded" })
        let e2 = errors(edited { o in
            var sh = (o["shifts"] as! [[String: Any]])[0]; sh["min"] = 3; sh["max"] = 1; o["shifts"] = [sh]
        })
        #expect(e2.contains { $0.path == "$.shifts[0]" && $0.message.contains("min (3) is greater than max (1)") })
    }

    @Test func baselineNamingUnknownSession() {
        let e = errors(edited { o in
            o["baseline"] = ["format": "rota-solution/1", "sessions": [["id": "s-ghost", "unassigned": true]], "shifts": [], "allocations": []]
        })
        #expect(e.contains { $0.path == "$.baseline.sessions[0].id" && $0.message.contains("s-ghost") })
    }

    @Test func everyProblemReportedAtOnce() {
        let e = errors(edited { o in
            o["timeZone"] = "Europe/London"
            var s = (o["sessions"] as! [[String: Any]])[0]
            s["case"] = "nope"; s["workersNeeded"] = 0; s["reportMinutes"] = -5
            o["sessions"] = [s]
            var w = o["workers"] as! [[String: Any]]; w[0]["base"] = "nowhere"; o["workers"] = w
        })
        #expect(e.count >= 3)
    }

    @Test func wrongTypesAreNamed() {
        let e = errors(session { s in s["durationMinutes"] = "ninety" })
        #expect(e.contains { $0.path == "$.sessions[0].durationMinutes" && $0.message.contains("whole number") })
        let bad = errors("{\"format\": \"rota-scenario/1\", \"horizon\": ")
        #expect(!bad.isEmpty)
    }

    @Test func yamlReadsTheSameShape() throws {
        let yaml = """
        format: rota-scenario/1
        name: yaml team
        horizon: {start: "2026-11-23", days: 1}
        locations:
          - {id: office, lat: 52.19, lon: -2.22}
        workers:
          - id: w1
            base: office
            requests:
              - {date: "2026-11-23", on: true, weight: 2}
        cases: [{id: c1}]
        sessions:
          - id: s1
            case: c1
            durationMinutes: 60
            windows: [{from: "2026-11-23T10:00", to: "2026-11-23T12:00"}]
        """
        let inst = try Instance.compile(DocumentLoader.parse(Data(yaml.utf8), file: "t.yaml"), file: "t.yaml")
        #expect(inst.sessions.count == 1 && inst.workers[0].requests.first?.on == true)
        #expect(inst.candidateStarts(inst.sessions[0]).count == 5)
    }
}
