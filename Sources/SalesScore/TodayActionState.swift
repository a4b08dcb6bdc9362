import SalesContract
import SalesPlan

/// What the daemon knows about one of today's actions, for ranking `today` and `next`.
public struct TodayActionState: Equatable, Sendable {
    public var action: String
    /// The next (or overdue) reminder time today; nil when the action has none left.
    public var nextAt: LocalTime?
    /// Reached its target, skipped, or the day is off: nothing left to do today.
    public var finished: Bool

    public init(action: String, nextAt: LocalTime?, finished: Bool) {
        self.action = action
        self.nextAt = nextAt
        self.finished = finished
    }
}
