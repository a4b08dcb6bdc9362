import Foundation
import SalesPlan

/// What the engine asks its driver to do. The driver carries these out in order.
public enum EngineEffect: Hashable, Sendable {
    /// Record a reminder in the ledger; only if it was not recorded before, announce it.
    case fire(Event, Announcement, buttons: [NotificationButton])
    /// Record a reminder that could not fire in time (not announced on its own).
    case recordMissed(Event)
    /// Tell the person: journal, watchers, and the desktop when `desktop` is set.
    case announce(Announcement, desktop: Bool)
    /// Close the desktop notification about an action (done, skipped).
    case withdraw(action: String)
    /// Arm the single wall-clock timer for this instant (replacing any earlier one).
    case arm(Date)
}
