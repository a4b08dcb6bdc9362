import Foundation
import SalesPlan
import SalesSchedule
import SalesText

/// The reminders a plan fires in a window, for `salesd check-config`.
enum ReminderListing {
    /// The reminders of `plan` from `start` (inclusive) to `end` (exclusive), in time order,
    /// the morning prompt and weekly review included: the first `limit` of them, when given.
    static func rows(plan: Plan, calendar: ZoneCalendar, from start: Date, to end: Date, limit: Int? = nil) -> [ReminderRow] {
        Schedule(plan: plan, calendar: calendar).occurrences(from: start, to: end).prefix(limit ?? .max).map { occurrence in
            let title: String
            switch occurrence.kind {
            case .action: title = plan.action(id: occurrence.action)?.title ?? occurrence.action
            case .morning: title = "What's the next step? (morning prompt)"
            case .review: title = "Weekly review (the scoreboard)"
            case .followUps: title = "Follow-ups due"
            }
            return ReminderRow(instant: occurrence.instant, planned: occurrence.time.description, action: occurrence.action, title: title,
                               shifted: occurrence.shifted, isRepeat: occurrence.isRepeat)
        }
    }

    /// Aligned lines: local day and time, UTC offset, UTC instant, action, title, and marks for
    /// shifted (spring-forward) and repeat reminders.
    static func lines(_ rows: [ReminderRow], zone: TimeZone) -> [String] {
        // Local time and offset from the zone's rules, as the schedule sees them (a formatter
        // printed EET's offset wrong).
        let calendar = ZoneCalendar(timeZone: zone)
        let utc = formatter("HH:mm'Z'", zone: TimeZone(identifier: "UTC")!)
        var table = TextTable()
        for row in rows {
            var marks: [String] = []
            if row.shifted { marks.append("shifted: \(row.planned) does not exist that day") }
            if row.isRepeat { marks.append("repeat") }
            let title = row.title + (marks.isEmpty ? "" : "  (" + marks.joined(separator: "; ") + ")")
            let day = calendar.day(of: row.instant), time = calendar.time(of: row.instant)
            let local = "\(day.weekday.fullName.prefix(3)) \(day) \(time.description.prefix(5))"
            table.append(["  " + local, calendar.offsetText(at: row.instant),
                          utc.string(from: row.instant), row.action, title])
        }
        return table.lines()
    }

    private static func formatter(_ format: String, zone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = zone
        formatter.dateFormat = format
        return formatter
    }
}
