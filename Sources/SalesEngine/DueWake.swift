import Foundation
import SalesPlan
import SalesSchedule

/// A wake's due reminders, dealt with a slice of actions at a time, so that the daemon answers
/// calls between slices. A window across local days is dealt with a day at a time, oldest first,
/// each day's actions in id order: the order of a wake done at once. Until an action's slice of
/// a day comes, every occurrence of it on that day is still owed: nothing of it is recorded or
/// announced yet.
struct DueWake: Sendable {
    /// The window: occurrences after `start`, up to and including `now`.
    let start: Date
    let now: Date
    /// The local days of `start` and `now`.
    let firstDay: LocalDay
    let lastDay: LocalDay
    /// The day whose occurrences the current slices deal with.
    private(set) var day: LocalDay
    /// The actions (and `@morning`, `@review`, follow-ups) of the window, in id order.
    private let allActions: ArraySlice<String>
    /// Those not dealt with yet on ``day``.
    private var actions: ArraySlice<String>
    /// Most actions dealt with in one slice.
    let slice: Int
    /// Snoozes ending and follow-ups due in the window, each dealt with in its action's slice.
    let extra: [Occurrence]
    /// Today's reminders found too late, told together in one "missed" announcement at the end.
    var gathered: [Occurrence] = []

    init(start: Date, now: Date, calendar: ZoneCalendar, actions: [String], slice: Int, extra: [Occurrence]) {
        (self.start, self.now, self.slice, self.extra) = (start, now, max(1, slice), extra)
        (firstDay, lastDay) = (calendar.day(of: start), calendar.day(of: now))
        day = firstDay
        allActions = actions[...]
        self.actions = allActions
    }

    var isFinished: Bool { actions.isEmpty && (day >= lastDay || allActions.isEmpty) }

    /// The next slice's actions, taken off those left; after a day's last slice, the next day's first.
    mutating func nextSlice() -> ArraySlice<String> {
        if actions.isEmpty, day < lastDay {
            day = day.adding(days: 1)
            actions = allActions
        }
        let next = actions.prefix(slice)
        actions = actions.dropFirst(slice)
        return next
    }

    /// The instants to look for ``day``'s occurrences in, as `from <= instant < to`: the window,
    /// narrowed to a day either side of ``day`` when it spans several (a time shifted by a gap
    /// in the clocks can stray past its day's midnight, never by a day).
    func queryBounds(_ calendar: ZoneCalendar) -> (from: Date, to: Date) {
        var (from, to) = (start.addingTimeInterval(0.001), now.addingTimeInterval(0.001))
        if day > firstDay { from = max(from, calendar.startOfDay(day.adding(days: -1))) }
        if day < lastDay { to = min(to, calendar.startOfDay(day.adding(days: 2))) }
        return (from, to)
    }

    /// Whether `occurrence` is dealt with on ``day``: its own day, or the first (last) day of
    /// the window for one of an earlier (later) day that strayed into it.
    func isOfCurrentDay(_ occurrence: Occurrence) -> Bool {
        occurrence.day == day || (day == firstDay && occurrence.day < firstDay)
            || (day == lastDay && occurrence.day > lastDay)
    }
}
