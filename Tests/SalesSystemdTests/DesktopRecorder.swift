import Foundation
import SalesEngine

/// Collects what a notifier reports on its queue, and lets the test thread wait for it.
final class DesktopRecorder: @unchecked Sendable {  // All state is guarded by `condition`.
    private let condition = NSCondition()
    private var statuses: [NotifierStatus] = []
    private var presses: [ButtonPress] = []
    private var notified: [(slot: String, id: UInt32)] = []

    func record(_ status: NotifierStatus) { locked { statuses.append(status) } }
    func record(_ press: ButtonPress) { locked { presses.append(press) } }
    func record(slot: String, id: UInt32) { locked { notified.append((slot, id)) } }

    /// How many status changes were seen so far, to wait for a later one.
    var statusCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return statuses.count
    }

    /// Waits up to 10 s for a status change after the first `skipping` ones that matches
    /// `predicate`; returns it.
    func status(after skipping: Int = 0, where predicate: (NotifierStatus) -> Bool) -> NotifierStatus? {
        wait { statuses.dropFirst(skipping).first(where: predicate) }
    }

    /// Waits up to 10 s for the `count`-th answered `Notify`; returns its id.
    func notifiedID(_ count: Int) -> UInt32? {
        wait { notified.count >= count ? notified[count - 1].id : nil }
    }

    func press() -> ButtonPress? { wait { presses.first } }

    private func wait<T>(_ found: () -> T?) -> T? {
        let deadline = Date().addingTimeInterval(10)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value = found() { return value }
            guard condition.wait(until: deadline) else { return found() }
        }
    }

    private func locked(_ change: () -> Void) {
        condition.lock()
        change()
        condition.broadcast()
        condition.unlock()
    }
}
