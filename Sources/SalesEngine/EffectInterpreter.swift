import Foundation
import SalesPlan

/// Carries out the engine's effects through its ports, in order: the one interpreter the daemon
/// and the simulation tests share, so what the tests prove is what the daemon does.
///
/// A reminder is recorded before it is announced, and announced only if this was its first
/// record; one whose record failed goes to `unrecorded`, unannounced, for the caller to retry.
/// The reminders of one wake are recorded together, in one transaction.
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
        var batch: [(event: Event, announcement: Announcement?, buttons: [NotificationButton])] = []
        for effect in effects {
            switch effect {
            case .fire(let event, let announcement, let buttons):
                batch.append((event, announcement, buttons))
            case .recordMissed(let event):
                batch.append((event, nil, []))
            case .announce(let announcement, let desktop):
                // In order: what came before is recorded (and announced) first.
                record(batch)
                batch = []
                announcer.announce(announcement, desktop: desktop, buttons: [])
            case .withdraw(let action):
                record(batch)
                batch = []
                announcer.withdraw(action: action)
            case .arm(let date):
                timer.arm(at: date)
            }
        }
        record(batch)
    }

    /// Records a reminder; announces it only when this is its first record.
    public func record(_ event: Event, announcing announcement: Announcement?, buttons: [NotificationButton]) {
        record([(event, announcement, buttons)])
    }

    private func record(_ batch: [(event: Event, announcement: Announcement?, buttons: [NotificationButton])]) {
        guard !batch.isEmpty else { return }
        ledger.recordReminders(batch.map(\.event)) { [announcer, unrecorded] result in
            switch result {
            case .success(let firstRecords):
                // Recorded before: a reminder fires at most once.
                for (item, isFirst) in zip(batch, firstRecords) where isFirst {
                    if let announcement = item.announcement {
                        announcer.announce(announcement, desktop: true, buttons: item.buttons)
                    }
                }
            case .failure(let error):
                for item in batch { unrecorded(item.event, item.announcement, item.buttons, error) }
            }
        }
    }
}
