import SalesPlan

/// What the scoreboard scores of a range of days, with everything an undo cancelled left out:
/// done counts per day and action, skipped actions per day, days off, and the result events.
public struct ScoredDays: Equatable, Sendable {
    public var done: [LocalDay: [String: Int]] = [:]
    public var skipped: [LocalDay: Set<String>] = [:]
    public var daysOff: Set<LocalDay> = []
    /// The result events, in day order, each day's in the order recorded.
    public var results: [Event] = []

    public init() {}
}
