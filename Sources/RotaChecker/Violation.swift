/// A broken hard rule: which rule, which items (session, shift, worker, venue, case ids), and a
/// plain sentence saying what is wrong.
public struct Violation: Sendable, Equatable, Codable, CustomStringConvertible {
    public var rule: String
    public var items: [String]
    public var message: String

    public init(_ rule: String, _ items: [String], _ message: String) {
        self.rule = rule; self.items = items; self.message = message
    }

    public var description: String { "\(rule): \(message)" }
}

/// One contribution to the objective, for explanations ("w-03 works 95 min overtime in week 1").
public struct CostItem: Sendable, Equatable, Codable {
    public var term: String
    public var amount: Int
    public var items: [String]
    public var message: String
}
