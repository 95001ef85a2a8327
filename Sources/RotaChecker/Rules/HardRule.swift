/// A hard rule of the model: a stable id (`H1`...`H12`, as in `rota-model.md`), a key and a
/// title for people, and a check that lists every violation in an evaluated rota.
public protocol HardRule: Sendable {
    var id: String { get }
    var key: String { get }
    var title: String { get }
    func check(_ e: Evaluation) -> [Violation]
}

/// The catalogue, in the spec's order.
public let hardRules: [any HardRule] = [
    SessionPlacementRule(), SessionStaffingRule(), AvailabilityRule(), TravelRule(), VenueRule(),
    CaseloadRule(), WorkingMinutesRule(), RestRule(), ShiftLimitsRule(), ConsecutiveDaysRule(),
    ShiftCoverRule(), PinningRule(),
]
