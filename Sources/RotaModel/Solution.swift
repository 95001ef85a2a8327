import Foundation

/// The objective's terms, in the spec's order.
public struct Terms: Codable, Sendable, Equatable {
    public var unassigned = 0
    public var continuity = 0
    public var preference = 0
    public var travel = 0
    public var overtime = 0
    public var fairness = 0
    public var requests = 0
    public var cover = 0
    public var stability = 0

    public init() {}

    public static let names = ["unassigned", "continuity", "preference", "travel", "overtime",
                               "fairness", "requests", "cover", "stability"]

    public var values: [Int] {
        [unassigned, continuity, preference, travel, overtime, fairness, requests, cover, stability]
    }

    public var total: Int { values.reduce(0, +) }

    public subscript(name: String) -> Int {
        values[Terms.names.firstIndex(of: name)!]
    }
}

/// One session line of a solution: assigned (workers, start, venue) or unassigned with reasons.
public struct SessionAssignmentDocument: Codable, Sendable, Equatable {
    public var id: String
    public var workers: [String]?
    public var start: String?
    public var venue: String?
    public var unassigned: Bool?
    public var reasons: [String]?

    public init(id: String, workers: [String]? = nil, start: String? = nil, venue: String? = nil,
                unassigned: Bool? = nil, reasons: [String]? = nil) {
        self.id = id; self.workers = workers; self.start = start; self.venue = venue
        self.unassigned = unassigned; self.reasons = reasons
    }

    public var isAssigned: Bool { unassigned != true && !(workers ?? []).isEmpty }
}

public struct ShiftAssignmentDocument: Codable, Sendable, Equatable {
    public var id: String
    public var workers: [String]
    public init(id: String, workers: [String]) { self.id = id; self.workers = workers }
}

public struct AllocationDocument: Codable, Sendable, Equatable {
    public var `case`: String
    public var worker: String
    public init(case c: String, worker: String) { self.case = c; self.worker = worker }
}

public struct WorkerSummaryDocument: Codable, Sendable, Equatable {
    public var id: String
    public var weekMinutes: [Int]
    public var travelMinutes: Int
    public var travelKm: Double
    public var overtimeMinutes: Int
    public var weekendsWorked: Int
    public var shiftCounts: [String: Int]
    public init(id: String, weekMinutes: [Int], travelMinutes: Int, travelKm: Double, overtimeMinutes: Int,
                weekendsWorked: Int, shiftCounts: [String: Int]) {
        self.id = id; self.weekMinutes = weekMinutes; self.travelMinutes = travelMinutes
        self.travelKm = travelKm; self.overtimeMinutes = overtimeMinutes
        self.weekendsWorked = weekendsWorked; self.shiftCounts = shiftCounts
    }
}

/// The solution document, `rota-solution/1`.
public struct SolutionDocument: Codable, Sendable, Equatable {
    public var format: String = "rota-solution/1"
    public var scenario: String = ""
    /// `optimal` (proved), `feasible`, `infeasible`, `error`.
    public var status: String = "feasible"
    public var solver: String = ""
    public var objective: Int?
    public var bound: Double?
    public var seconds: Double?
    public var terms: Terms?
    public var sessions: [SessionAssignmentDocument] = []
    public var shifts: [ShiftAssignmentDocument] = []
    public var allocations: [AllocationDocument] = []
    public var workers: [WorkerSummaryDocument]?
    /// Top-level reasons (for `infeasible` and `error`), and the solver's account of itself.
    public var reasons: [String]?
    /// Extension: why this solver's answer was chosen, what else was tried.
    public var notes: [String]?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case format, scenario, status, solver, objective, bound, seconds, terms, sessions, shifts,
             allocations, workers, reasons, notes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decodeIfPresent(String.self, forKey: .format) ?? "rota-solution/1"
        scenario = try c.decodeIfPresent(String.self, forKey: .scenario) ?? ""
        status = try c.decodeIfPresent(String.self, forKey: .status) ?? "feasible"
        solver = try c.decodeIfPresent(String.self, forKey: .solver) ?? ""
        objective = try c.decodeIfPresent(Int.self, forKey: .objective)
        bound = try c.decodeIfPresent(Double.self, forKey: .bound)
        seconds = try c.decodeIfPresent(Double.self, forKey: .seconds)
        terms = try c.decodeIfPresent(Terms.self, forKey: .terms)
        sessions = try c.decodeIfPresent([SessionAssignmentDocument].self, forKey: .sessions) ?? []
        shifts = try c.decodeIfPresent([ShiftAssignmentDocument].self, forKey: .shifts) ?? []
        allocations = try c.decodeIfPresent([AllocationDocument].self, forKey: .allocations) ?? []
        workers = try c.decodeIfPresent([WorkerSummaryDocument].self, forKey: .workers)
        reasons = try c.decodeIfPresent([String].self, forKey: .reasons)
        notes = try c.decodeIfPresent([String].self, forKey: .notes)
    }

    /// Deterministic pretty JSON (sorted keys), ending in a newline.
    public func jsonData() throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var d = try enc.encode(self)
        d.append(0x0A)
        return d
    }

    /// Reads a solution document from JSON or YAML data; errors name the JSON path.
    public static func read(_ data: Data, file: String) throws -> SolutionDocument {
        let value = try DocumentLoader.parse(data, file: file)
        do {
            let json = try JSONEncoder().encode(value)
            return try JSONDecoder().decode(SolutionDocument.self, from: json)
        } catch let e as DecodingError {
            throw InputError(file: file, diagnostics: [DocumentLoader.diagnostic(for: e)])
        }
    }
}
