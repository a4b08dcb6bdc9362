import Foundation
import SalesCalendar

extension DaemonDriver {
    /// Rewrites `calendar.ics` in the ledger folder: the plan from this week's start for
    /// ``Daemon/calendarWeeks`` weeks. `force` on a new plan or zone; otherwise only when the
    /// local day changed since the last write (the wake at local midnight). Days off recorded
    /// in the ledger (`ctl off`, vacations) have no events either.
    func refreshCalendar(force: Bool) {
        guard let file = calendarFile else { return }
        let now = clock.now
        let today = engine.calendar.day(of: now)
        guard force || today != calendarDay else { return }
        calendarDay = today
        let plan = engine.plan
        var feed = CalendarFeed(plan: plan, calendar: engine.calendar, version: SalesdVersion.current)
        let first = today.startOfWeek(weekStart: plan.weekStart), days = Daemon.calendarWeeks * 7
        feed.daysOff = Set((0..<days).map { first.adding(days: $0) }.filter(engine.isOff))
        let text = feed.render(from: first, days: days, now: now)
        do {
            try Data(text.utf8).write(to: file, options: .atomic)
        } catch {
            logger.warning("cannot write the calendar feed \(file.path): \(error), ignoring")
        }
    }
}
