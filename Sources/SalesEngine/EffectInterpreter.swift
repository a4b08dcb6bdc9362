import Foundation
import SalesPlan

/// Carries out the engine's effects through its ports, in order: the one interpreter the daemon
/// and the simulation tests share, so what the tests prove is what the daemon does.
///
/// A reminder is recorded before it is announced, and announced only if this was its first
/// record; one whose record failed goes to `unrecorded`, unannounced, for the caller to retry.
public struct EffectInterpreter {
    public var ledger: any ReminderLedger
    public var timer: any WakeTimer
    public var announcer: any Announcer
    /// A reminder (or missed one) whose record failed, with what to announce once it is recorded.
    public var unrecorded: (Event, Announcement?, [NotificationButton], any Error) -> Void

    public init(ledger: any ReminderLedger, timer: any WakeTimer, announcer: any Announcer,
                unrecorded: @escaping (Event, Announcement?, [NotificationButton], any Error) -> Void) {
        self.ledger = ledger
        self.timer = timer
        self.announcer = announcer
        self.unrecorded = unrecorded
    }

    public func perform(_ effects: [EngineEffect]) {
        for effect in effects {
            switch effect {
            case .fire(let event, let announcement, let buttons):
                record(event, announcing: announcement, buttons: buttons)
            case .recordMissed(let event):
                record(event, announcing: nil, buttons: [])
            case .announce(let announcement, let desktop):
                announcer.announce(announcement, desktop: desktop, buttons: [])
            case .withdraw(let action):
                announcer.withdraw(action: action)
            case .arm(let date):
                timer.arm(at: date)
            }
        }
    }

    /// Records a reminder; announces it only when this is its first record.
    public func record(_ event: Event, announcing announcement: Announcement?, buttons: [NotificationButton]) {
        ledger.recordReminder(event) { [announcer, unrecorded] result in
            switch result {
            case .success(true):
                if let announcement { announcer.announce(announcement, desktop: true, buttons: buttons) }
            case .success(false):
                break  // recorded before: a reminder fires at most once
            case .failure(let error):
                unrecorded(event, announcement, buttons, error)
            }
        }
    }
}
