import Foundation
import SalesPlan

/// Every reminder a plan asks for, day by day, in one zone.
public struct Schedule: Sendable {
    public let plan: Plan
    public let calendar: ZoneCalendar
    private let cache = OccurrenceCache()

    public init(plan: Plan, calendar: ZoneCalendar) {
        self.plan = plan
        self.calendar = calendar
    }

    /// The local wall times an action is reminded at on a day it is planned: its `at` times,
    /// plus every `repeat` after each of them up to `until` (default: end of day).
    public static func times(of action: PlanAction) -> [(time: LocalTime, isRepeat: Bool)] {
        let base = Set(action.at)
        var all = base.map { (time: $0, isRepeat: false) }
        if let step = action.repeat?.seconds, step > 0 {
            let last = action.until?.secondsSinceMidnight ?? 86_399
            var seen = base
            for start in action.at {
                var t = start.secondsSinceMidnight + step
                while t <= last, let time = LocalTime(secondsSinceMidnight: t) {
                    if seen.insert(time).inserted { all.append((time, true)) }
                    t += step
                }
            }
        }
        return all.sorted { $0.time < $1.time }
    }

    /// All occurrences on `day`, in instant order. Empty on a day off or a day the zone skips.
    public func occurrences(on day: LocalDay) -> [Occurrence] {
        cache.occurrences(on: day, compute: computeOccurrences)
    }

    private func computeOccurrences(on day: LocalDay) -> [Occurrence] {
        let own = placeTimes(on: day)
        // A time in a gap that runs to midnight fires at the next day's first instant; when the
        // action has a reminder of that day's at the same instant, that one stands for both.
        let spilled = own.filter { $0.shifted && calendar.day(of: $0.instant) > day }
        guard !spilled.isEmpty else { return own }
        let next = Set(placeTimes(on: day.adding(days: 1)).map { InstantKey(action: $0.action, instant: $0.instant) })
        return own.filter { occurrence in
            !(spilled.contains(occurrence) && next.contains(InstantKey(action: occurrence.action, instant: occurrence.instant)))
        }
    }

    private func placeTimes(on day: LocalDay) -> [Occurrence] {
        guard !plan.isDayOff(day) else { return [] }
        let uniform = calendar.uniformOffset(on: day)
        guard uniform != nil || calendar.exists(day) else { return [] }
        let wall = day.daysSinceEpoch * 86_400
        var out: [Occurrence] = []
        // Times of one action that land on one instant (two times in one spring-forward gap, a
        // repeat slot next to it) are one reminder, named by the earliest planned time: times
        // are added earliest first.
        var placed: Set<InstantKey> = []
        func add(_ kind: Occurrence.Kind, _ action: String, _ time: LocalTime, _ isRepeat: Bool) {
            let resolved = uniform.map {
                ResolvedInstant(
                    instant: Date(timeIntervalSince1970: Double(wall + time.secondsSinceMidnight - $0)),
                    shifted: false, repeated: false)
            } ?? calendar.resolve(time, on: day)
            guard let resolved, placed.insert(InstantKey(action: action, instant: resolved.instant)).inserted else { return }
            out.append(Occurrence(
                kind: kind, action: action, day: day, time: time, instant: resolved.instant,
                shifted: resolved.shifted, isRepeat: isRepeat))
        }
        if let prompt = plan.morningPrompt { add(.morning, Occurrence.morningAction, prompt, false) }
        if let review = plan.weeklyReview, review.day == day.weekday {
            add(.review, Occurrence.reviewAction, review.at, false)
        }
        for action in plan.actions where action.isPlanned(on: day) {
            for (time, isRepeat) in Schedule.times(of: action) { add(.action, action.id, time, isRepeat) }
        }
        return out.sorted()
    }

    private struct InstantKey: Hashable {
        var action: String
        var instant: Date
    }

    /// Occurrences with `from <= instant < to`, in instant order.
    public func occurrences(from: Date, to: Date) -> [Occurrence] {
        guard from < to else { return [] }
        // Instants of a day can stray outside its local bounds (a shifted gap time), so widen by a day.
        let first = calendar.day(of: from).adding(days: -1)
        let last = calendar.day(of: to).adding(days: 1)
        var out: [Occurrence] = []
        var day = first
        while day <= last {
            out += occurrences(on: day).filter { $0.instant >= from && $0.instant < to }
            day = day.adding(days: 1)
        }
        return out.sorted()
    }

    /// The first `limit` occurrences strictly after `instant`, looking at most `horizonDays` ahead.
    public func next(after instant: Date, limit: Int = 1, horizonDays: Int = 370) -> [Occurrence] {
        var out: [Occurrence] = []
        var day = calendar.day(of: instant).adding(days: -1)
        let end = day.adding(days: horizonDays)
        while day <= end, out.count < limit {
            out += occurrences(on: day).filter { $0.instant > instant }
            day = day.adding(days: 1)
        }
        return Array(out.sorted().prefix(limit))
    }
}
