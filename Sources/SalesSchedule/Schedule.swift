import Foundation
import SalesPlan

/// Every reminder a plan asks for, day by day, in one zone.
///
/// Occurrences are produced on demand, in instant order, never a whole day at once: memory is
/// bounded by the number of actions, not by actions × repeats (a plan re-reminding every
/// minute asks for 1,440 reminders per action a day).
public struct Schedule: Sendable {
    public let plan: Plan
    public let calendar: ZoneCalendar
    let sources: [ReminderSource]
    /// How many sources come before the actions' (the morning prompt, the weekly review): the
    /// rest are the plan's actions in order, so the plan's index finds an action's source.
    private let actionSourceStart: Int
    /// The actions (and `@morning`, `@review`) the plan reminds of, each once.
    public var actionIDs: [String] { sources.map(\.action) }

    public init(plan: Plan, calendar: ZoneCalendar) {
        self.plan = plan
        self.calendar = calendar
        sources = ReminderSource.all(of: plan)
        actionSourceStart = sources.count - plan.actions.count
    }

    /// The local wall times an action is reminded at on a day it is planned: its `at` times,
    /// plus every `repeat` after each of them up to `until` (default: end of day).
    public static func times(of action: PlanAction) -> [(time: LocalTime, isRepeat: Bool)] {
        let pattern = TimePattern(action)
        return pattern.allTimes.map { (LocalTime(secondsSinceMidnight: $0)!, pattern.isRepeat($0)) }
    }

    /// The occurrences on `day` (after `after`, when given), in instant order. Empty on a day
    /// off or a day the zone skips. `skipping` leaves out an action (or `@morning`, `@review`)
    /// for the day without looking at its times.
    public func occurrences(
        on day: LocalDay, after: Date? = nil, skipping: ((String, LocalDay) -> Bool)? = nil
    ) -> OccurrenceSequence {
        OccurrenceSequence(schedule: self, days: day...day, lower: after.map { ($0, false) }, upper: nil,
                           sources: nil, skipping: skipping)
    }

    /// The occurrences of one action (or `@morning`, `@review`) on `day` after `after`.
    public func occurrences(of action: String, on day: LocalDay, after: Date) -> OccurrenceSequence {
        OccurrenceSequence(schedule: self, days: day...day, lower: (after, false), upper: nil,
                           sources: sources(of: action), skipping: nil)
    }

    /// Occurrences with `from <= instant < to` (of `actions` only, when given), in instant order.
    public func occurrences(
        from: Date, to: Date, actions: [String]? = nil, skipping: ((String, LocalDay) -> Bool)? = nil
    ) -> OccurrenceSequence {
        // Instants of a day can stray outside its local bounds (a shifted gap time), so widen by a day.
        let first = calendar.day(of: from).adding(days: -1)
        let last = max(first, calendar.day(of: to).adding(days: 1))
        return OccurrenceSequence(
            schedule: self, days: first...last, lower: (from, true), upper: to,
            sources: actions.map { $0.flatMap(sources(of:)) }, skipping: skipping)
    }

    /// The one source of `action`, or none when the plan has no such action.
    private func sources(of action: String) -> [Int] {
        if let prompt = sources.prefix(actionSourceStart).firstIndex(where: { $0.action == action }) { return [prompt] }
        return plan.index(ofAction: action).map { [actionSourceStart + $0] } ?? []
    }

    /// The first `limit` occurrences strictly after `instant`, looking at most `horizonDays` ahead.
    public func next(after instant: Date, limit: Int = 1, horizonDays: Int = 370) -> [Occurrence] {
        let first = calendar.day(of: instant).adding(days: -1)
        return Array(OccurrenceSequence(schedule: self, days: first...first.adding(days: horizonDays),
                                        lower: (instant, false), upper: nil, sources: nil, skipping: nil)
            .prefix(limit))
    }

    /// The first occurrence of source `index` on `placed` whose instant is after `bound`
    /// (or at it, when `inclusive`); from the day's first time without a bound.
    func occurrence(of index: Int, on placed: PlacedDay, after bound: Date?, inclusive: Bool) -> Occurrence? {
        let source = sources[index]
        let isAfter: (Date) -> Bool = { instant in
            guard let bound else { return true }
            return inclusive ? instant >= bound : instant > bound
        }
        guard let found = source.pattern.first(where: isAfter, resolve: placed.resolve) else { return nil }
        let instant = found.resolved.instant
        // A time in a gap that runs to midnight fires at the next day's first instant; when the
        // action has a reminder of that day's at the same instant, that one stands for both
        // (and every later time of this day is in the same gap).
        if found.resolved.shifted, calendar.day(of: instant) > placed.day {
            let next = placed.day.adding(days: 1)
            if source.isPlanned(on: next), let nextDay = PlacedDay(next, plan: plan, calendar: calendar),
               occurrence(of: index, on: nextDay, after: instant, inclusive: true)?.instant == instant {
                return nil
            }
        }
        return Occurrence(
            kind: source.kind, action: source.action, day: placed.day,
            time: LocalTime(secondsSinceMidnight: found.seconds)!, instant: instant,
            shifted: found.resolved.shifted, isRepeat: source.pattern.isRepeat(found.seconds))
    }
}
