import Foundation

/// One entry of the append-only ledger. Every scoreboard figure is derived from these.
///
/// The record is flat (optional columns) so it maps one to one onto a ledger row and an
/// export line; which fields apply depends on ``kind``.
public struct Event: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// `count` units of `action` done on `day`.
        case done
        /// Cancels the done event `ref`.
        case undo
        /// `action` skipped for `day` (excused; does not break streaks).
        case skip
        /// `day` is off (excused).
        case dayOff = "day-off"
        /// Reminders of `action` postponed until `until`.
        case snooze
        /// A lag measure: `result` kind with `value`.
        case result
        /// A reminder fired: `action` (or a pseudo-action like `@morning`), `slot`, `scheduled`, `latenessMs`.
        case reminder
        /// A reminder that could not fire in time; recorded, not announced one by one.
        case missed
        /// A plan version came into force; `payload` is its canonical JSON.
        case plan
        /// A commitment for the week starting `day` (the plan's week start), made in the weekly
        /// session: `note` is its text, `action` the step it is tied to, if any.
        case commitment
        /// Whether commitment `ref` was kept: `count` 1 (kept) or 0 (not kept).
        case commitmentKept = "commitment-kept"
    }

    /// Row id, assigned by the ledger (nil before it is stored).
    public var id: Int64?
    public var kind: Kind
    /// When the event was recorded (UTC instant).
    public var at: Date
    /// The local day it counts for.
    public var day: LocalDay
    public var action: String?
    public var count: Int?
    public var note: String?
    /// For reminders: which occurrence of the day (`09:30`, `snooze@10:12:05`, `missed`).
    public var slot: String?
    /// For reminders: the instant it was scheduled for.
    public var scheduled: Date?
    public var latenessMs: Int?
    /// For snooze: until when.
    public var until: Date?
    /// For undo: the id of the done event it cancels.
    public var ref: Int64?
    /// For results: the lag measure's kind (`client`, `proposal`, …).
    public var resultKind: String?
    public var value: Double?
    /// Who asked: `ctl`, `notification`, `daemon`, `import`.
    public var source: String?
    /// Kind-specific JSON (the plan for `plan` events).
    public var payload: String?

    public init(
        id: Int64? = nil, kind: Kind, at: Date, day: LocalDay, action: String? = nil, count: Int? = nil,
        note: String? = nil, slot: String? = nil, scheduled: Date? = nil, latenessMs: Int? = nil,
        until: Date? = nil, ref: Int64? = nil, resultKind: String? = nil, value: Double? = nil,
        source: String? = nil, payload: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.at = at
        self.day = day
        self.action = action
        self.count = count
        self.note = note
        self.slot = slot
        self.scheduled = scheduled
        self.latenessMs = latenessMs
        self.until = until
        self.ref = ref
        self.resultKind = resultKind
        self.value = value
        self.source = source
        self.payload = payload
    }
}
