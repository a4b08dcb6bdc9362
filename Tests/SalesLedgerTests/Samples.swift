import Foundation
import SalesPlan

/// Events used across the ledger tests.
enum Samples {
    static let day = LocalDay(year: 2026, month: 3, day: 2)!

    /// An instant given in whole milliseconds since the epoch, as the ledger stores them.
    static func instant(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// One event of `kind` with every field set, so a round trip checks every column.
    static func full(_ kind: Event.Kind, day: LocalDay = day, slot: String = "09:30", ref: Int64? = nil) -> Event {
        Event(
            kind: kind, at: instant(1_772_443_800_123), day: day, action: "connection-requests",
            count: 3, note: "met Ana — café ☕︎, \"quoted\"", slot: slot,
            scheduled: instant(1_772_443_800_000), latenessMs: 123, until: instant(1_772_444_700_999),
            ref: ref, resultKind: "proposal", value: 1250.75, source: "ctl", payload: #"{"version":1}"#
        )
    }

    static func done(day: LocalDay = day, count: Int = 1, action: String = "follow-up") -> Event {
        Event(kind: .done, at: instant(1_772_443_800_000), day: day, action: action, count: count, source: "ctl")
    }

    static func reminder(action: String = "follow-up", day: LocalDay = day, slot: String = "09:30",
                         kind: Event.Kind = .reminder) -> Event {
        Event(kind: kind, at: instant(1_772_443_801_000), day: day, action: action, slot: slot,
              scheduled: instant(1_772_443_800_000), latenessMs: 1000, source: "daemon")
    }

    static func plan(_ payload: String) -> Event {
        Event(kind: .plan, at: instant(1_772_443_700_000), day: day, source: "daemon", payload: payload)
    }
}
