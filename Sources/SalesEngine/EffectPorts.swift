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
