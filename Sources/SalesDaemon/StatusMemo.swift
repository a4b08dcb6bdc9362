import Foundation
import SalesPlan
import SalesSchedule

/// What `Status` and systemd's status line show of the engine, worked out once per state of the
/// engine: with thousands of actions each costs milliseconds, and `Status` is asked far more
/// often than the engine changes (a wake a minute, a command now and then). The driver starts
/// a new memo whenever the engine changes.
struct StatusMemo {
    /// The next reminder as seen at `from`: the same at any later instant before it fires.
    /// None holds for a day: the search looks a year ahead, so a day later it may find one.
    private var next: (from: Date, occurrence: Occurrence?)?
    private var progress: (day: LocalDay, planned: Int, done: Int)?

    /// The next reminder after `now`, from `compute` unless an earlier answer still holds.
    mutating func nextReminder(after now: Date, _ compute: (Date) -> Occurrence?) -> Occurrence? {
        if let next, next.from <= now, now < next.occurrence?.instant ?? next.from.addingTimeInterval(86_400) {
            return next.occurrence
        }
        let occurrence = compute(now)
        next = (now, occurrence)
        return occurrence
    }

    /// How many actions `day` plans and how many are done, from `compute` once per day.
    mutating func progress(on day: LocalDay, _ compute: (LocalDay) -> (planned: Int, done: Int))
        -> (planned: Int, done: Int)
    {
        if let progress, progress.day == day { return (progress.planned, progress.done) }
        let counted = compute(day)
        progress = (day, counted.planned, counted.done)
        return counted
    }
}
