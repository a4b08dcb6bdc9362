import Foundation
import SalesPlan

/// Reading the daemon's times: ISO 8601 with the plan zone's offset (`2026-11-27T09:30:00+01:00`).
enum WireTime {
    /// The wall-clock `HH:MM` as written, i.e. in the plan's zone (`09:30`); the text itself when it has no time.
    static func clock(_ text: String) -> String {
        guard let t = text.firstIndex(of: "T") else { return text }
        return String(text[text.index(after: t)...].prefix(5))
    }

    /// The wall-clock `HH:MM:SS` as written.
    static func clockWithSeconds(_ text: String) -> String {
        guard let t = text.firstIndex(of: "T") else { return text }
        return String(text[text.index(after: t)...].prefix(8))
    }

    /// The day part (`2026-11-27`) of a timestamp.
    static func day(_ text: String) -> String { String(text.prefix(10)) }

    /// `Friday 27 November 2026` for an ISO day; the text itself when it is not one.
    static func longDay(_ iso: String) -> String {
        guard let day = LocalDay(iso: iso) else { return iso }
        let months = ["January", "February", "March", "April", "May", "June", "July",
                      "August", "September", "October", "November", "December"]
        return "\(day.weekday.fullName) \(day.day) \(months[day.month - 1]) \(day.year)"
    }
}
