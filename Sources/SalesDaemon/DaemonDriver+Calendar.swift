import Foundation
import Glibc
import Logging
import SalesCalendar
import SalesPlan

extension DaemonDriver {
    /// Rewrites `calendar.ics` in the ledger folder: the plan from this week's start for
    /// ``Daemon/calendarWeeks`` weeks. `force` on a new plan or zone; otherwise only when the
    /// local day changed since the last write (the wake at local midnight). Days off recorded
    /// in the ledger (`ctl off`, vacations) have no events either.
    ///
    /// The feed is written on a queue of its own, one write after another: a plan of thousands
    /// of actions takes seconds to write, and neither the start nor the wake at midnight may
    /// hold up `Status` while reminders fire. A forced write (a reload, a new zone, a day off)
    /// is waited for, so the file is current when the change that caused it is answered.
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
        let logger = logger
        let write: @Sendable () -> Void = { [feed] in
            Self.write(feed, from: first, days: days, now: now, to: file, logger: logger)
        }
        if force { Self.calendarQueue.sync(execute: write) } else { Self.calendarQueue.async(execute: write) }
    }

    private static let calendarQueue = DispatchQueue(label: "salesd.calendar", qos: .utility)

    private static func write(_ feed: CalendarFeed, from first: LocalDay, days: Int, now: Date, to file: URL, logger: Logger) {
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
