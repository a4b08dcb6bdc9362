import SalesEngine
import SalesPlan

/// A reminder (or a missed one) the engine let go whose ledger write has not succeeded yet.
struct UnrecordedReminder: Sendable {
    /// The `reminder` or `missed` event to record.
    var event: Event
    /// What to announce once it is recorded; nil for a missed reminder, which is only recorded.
    var announcement: Announcement?
    var buttons: [NotificationButton]
}
