import Foundation
import SalesPlan
import SalesSchedule

/// The span of time `check-config` lists reminders for: whole local days from `--from`, or the coming week.
struct ReminderWindow {
    var start: Date
    var end: Date
    /// True when the user asked for days (`--from`/`--days`): list everything in them.
    var isExplicit: Bool
    var title: String

    init(from: LocalDay?, days: Int?, calendar: ZoneCalendar, now: Date) {
        guard from != nil || days != nil else {
            start = now
            end = now.addingTimeInterval(8 * 86_400)
            isExplicit = false
            title = "in the next 8 days"
            return
        }
        let first = from ?? calendar.day(of: now)
        let count = days ?? 1
        start = calendar.startOfDay(first)
        end = calendar.startOfDay(first.adding(days: count))
        isExplicit = true
        title = count == 1 ? "on \(first)" : "from \(first) to \(first.adding(days: count - 1))"
    }

}
