import Foundation
import SalesPlan

/// One reminder the plan asks for: (action, local day, local time), resolved to an instant.
public struct Occurrence: Hashable, Sendable, Comparable {
    public enum Kind: String, Hashable, Sendable {
        case action
        /// The daily "What's the next step?" prompt.
        case morning
        /// The weekly review.
        case review
        /// A step's gathered "follow-ups due" reminder, at the time of the step's first action
        /// of the day; made by the engine (only when people are due there), never by the schedule.
        case followUps
    }

    public var kind: Kind
    /// The plan action id, or `@morning` / `@review`.
    public var action: String
    public var day: LocalDay
    public var time: LocalTime
    public var instant: Date
    /// Moved out of a spring-forward gap.
    public var shifted: Bool
    /// A re-reminder (from `repeat` or a snooze) rather than one of the action's `at` times.
    public var isRepeat: Bool
    /// The occurrence's key within its day (`09:30`, `snooze@10:12:05`); with action and day it
    /// names the reminder for ever.
    public var slot: String {
        get { namedSlot ?? time.description }
        set { namedSlot = newValue }
    }
    /// A slot other than the planned time's; the time's own is written only when asked for
    /// (a day of a plan with many repeats has millions of occurrences).
    private var namedSlot: String?

    public init(
        kind: Kind, action: String, day: LocalDay, time: LocalTime, instant: Date, shifted: Bool = false,
        isRepeat: Bool = false, slot: String? = nil
    ) {
        self.kind = kind
        self.action = action
        self.day = day
        self.time = time
        self.instant = instant
        self.shifted = shifted
        self.isRepeat = isRepeat
        self.namedSlot = slot
    }

    public static let morningAction = "@morning"
    public static let reviewAction = "@review"
    /// `@follow-ups:invite`: the pseudo-action of a step's follow-ups reminder.
    public static let followUpsPrefix = "@follow-ups:"

    public static func < (lhs: Occurrence, rhs: Occurrence) -> Bool {
        if lhs.instant != rhs.instant { return lhs.instant < rhs.instant }
        if lhs.action != rhs.action { return lhs.action < rhs.action }
        return lhs.slot < rhs.slot
    }

    public static func == (lhs: Occurrence, rhs: Occurrence) -> Bool {
        lhs.instant == rhs.instant && lhs.action == rhs.action && lhs.day == rhs.day && lhs.time == rhs.time
            && lhs.kind == rhs.kind && lhs.shifted == rhs.shifted && lhs.isRepeat == rhs.isRepeat && lhs.slot == rhs.slot
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(instant)
        hasher.combine(action)
        hasher.combine(slot)
    }
}
