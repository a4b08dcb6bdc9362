import SalesSchedule

/// One event of the feed: a planned (action, day, time), or the weekly review.
public struct CalendarEvent: Hashable, Sendable {
    public var uid: String
    public var occurrence: Occurrence
    /// Written as a UTC instant rather than local time (a shifted or doubled local time).
    public var inUTC: Bool
    public var summary: String
    public var description: String
    public var category: String
}
