import Foundation
import SalesPlan

/// Something salesd tells the person. Every announcement goes to the journal and to `watch`
/// clients; reminders, the morning prompt, the weekly review and missed summaries also go to
/// the desktop.
public struct Announcement: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case reminder
        /// Today's still-undone reminders that were missed beyond the grace window, gathered.
        case missed
        /// The daily "What's the next step?" prompt.
        case morning
        /// The weekly review.
        case review
        case done
        case undo
        case skip
        case dayOff = "day-off"
        case snooze
        case result
        case started
        case reloaded
        case reloadFailed = "reload-failed"
        case stopping
        /// The desktop notification server appeared, changed or went away.
        case notifications
        /// A person event was recorded (added, touched, moved, won, lost, edited, undone, forgotten).
        case person
        /// A step's people due for a follow-up, gathered in one reminder.
        case followUps = "follow-ups"
    }

    /// syslog priorities, as the journal's `PRIORITY=` field uses them.
    public enum Priority: Int, Hashable, Sendable {
        case emergency = 0, alert, critical, error, warning, notice, info, debug
    }

    public var kind: Kind
    /// One human line; the journal's `MESSAGE`.
    public var message: String
    public var priority: Priority
    public var day: LocalDay?
    public var action: String?
    public var step: String?
    /// The action's title (notification summary for reminders).
    public var title: String?
    public var count: Int?
    /// Done so far today, for progress ("2 of 5 today").
    public var done: Int?
    public var target: Int?
    public var scheduled: Date?
    public var latenessMs: Int?
    /// Set when a reminder fires later than scheduled (within the grace window).
    public var late: Bool
    /// Longer text for the desktop (plan at a glance, the scoreboard, the missed list).
    public var body: String?
    /// The person it is about, by id (the journal never gets a name unless the config says so).
    public var person: Int64?
    /// Lines that name people (the morning prompt's follow-ups): shown on the desktop before the
    /// body, never written to the journal.
    public var personal: String?
    /// The name of ``person`` for the desktop's button ("Touched Dana Kim"), never journaled.
    public var personName: String?

    public init(
        kind: Kind, message: String, priority: Priority = .info, day: LocalDay? = nil, action: String? = nil,
        step: String? = nil, title: String? = nil, count: Int? = nil, done: Int? = nil, target: Int? = nil,
        scheduled: Date? = nil, latenessMs: Int? = nil, late: Bool = false, body: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.priority = priority
        self.day = day
        self.action = action
        self.step = step
        self.title = title
        self.count = count
        self.done = done
        self.target = target
        self.scheduled = scheduled
        self.latenessMs = latenessMs
        self.late = late
        self.body = body
    }
}
