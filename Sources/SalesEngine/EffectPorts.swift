import Foundation
import SalesPlan

/// Where reminders are recorded, once ever: the SQLite ledger in the daemon, a dictionary in tests.
public protocol ReminderLedger {
    /// Records `reminder` and `missed` events, all or none, each unless its (action, day, slot)
    /// was recorded before; `done` gets, per event, true when recorded now and false when it was
    /// recorded before, or the error. `done` runs on the caller's queue, at once or later.
    func recordReminders(_ events: [Event], then done: @escaping (Result<[Bool], any Error>) -> Void)
}

/// The one wall-clock timer the engine asks for.
public protocol WakeTimer {
    func arm(at date: Date)
}

/// Who tells the person: journal, watchers and desktop in the daemon, a list in tests.
public protocol Announcer {
    func announce(_ announcement: Announcement, desktop: Bool, buttons: [NotificationButton])
    /// Closes the desktop notification about `action`, if one is shown.
    func withdraw(action: String)
}

/// What the service manager is told of the daemon's state (systemd's `sd_notify` in the daemon,
/// a list in tests): started, its one-line status, reloading, stopping, still alive.
public protocol ServiceManager: Sendable {
    /// Start-up (or a reload) finished, with the status line to show.
    func ready(status: String?) throws
    /// The one-line status, e.g. the next reminder.
    func status(_ text: String) throws
    func reloading() throws
    func stopping() throws
    func watchdogPing() throws
    /// How often the manager expects `watchdogPing()` at the latest; nil without a watchdog.
    var watchdogInterval: Duration? { get }
}
