import Foundation
import Glibc
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
        // Written a day at a time into a file beside it, then renamed over it: a reader sees the
        // old feed or the new one, and a plan of thousands of actions is never held whole.
        let partial = file.appendingPathExtension("partial")
        do {
            guard FileManager.default.createFile(atPath: partial.path, contents: nil,
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: partial.path])
            }
            let handle = try FileHandle(forWritingTo: partial)
            defer { try? handle.close() }
            try feed.render(from: first, days: days, now: now) { try handle.write(contentsOf: Data($0.utf8)) }
            try handle.synchronize()
            guard rename(partial.path, file.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: partial)
            logger.warning("cannot write the calendar feed \(file.path): \(error), ignoring")
        }
    }
}
