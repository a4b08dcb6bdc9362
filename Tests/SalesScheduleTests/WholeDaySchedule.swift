import Foundation
import SalesPlan
import SalesSchedule

/// The schedule as it was first written: every occurrence of a day built, resolved one by one
/// through the zone's rules and sorted. Too costly for a plan of many repeats, but plain enough
/// to check the on-demand ``Schedule`` against, occurrence for occurrence.
struct WholeDaySchedule {
    let plan: Plan
    let calendar: ZoneCalendar

    func occurrences(on day: LocalDay) -> [Occurrence] {
        let own = placeTimes(on: day)
        let spilled = own.filter { $0.shifted && calendar.day(of: $0.instant) > day }
        guard !spilled.isEmpty else { return own }
        let next = Set(placeTimes(on: day.adding(days: 1)).map { "\($0.action) \($0.instant)" })
        return own.filter { !(spilled.contains($0) && next.contains("\($0.action) \($0.instant)")) }
    }

    func occurrences(from: Date, to: Date) -> [Occurrence] {
        var out: [Occurrence] = []
        var day = calendar.day(of: from).adding(days: -1)
        while day <= calendar.day(of: to).adding(days: 1) {
            out += occurrences(on: day).filter { $0.instant >= from && $0.instant < to }
            day = day.adding(days: 1)
        }
        return out.sorted()
    }

    private func placeTimes(on day: LocalDay) -> [Occurrence] {
        guard !plan.isDayOff(day), calendar.exists(day) else { return [] }
        var out: [Occurrence] = []
        var placed: Set<String> = []
        func add(_ kind: Occurrence.Kind, _ action: String, _ time: LocalTime, _ isRepeat: Bool) {
            guard let resolved = calendar.resolve(time, on: day),
                  placed.insert("\(action) \(resolved.instant)").inserted else { return }
            out.append(Occurrence(kind: kind, action: action, day: day, time: time, instant: resolved.instant,
                                  shifted: resolved.shifted, isRepeat: isRepeat))
        }
        if let prompt = plan.morningPrompt { add(.morning, Occurrence.morningAction, prompt, false) }
        if let review = plan.weeklyReview, review.day == day.weekday { add(.review, Occurrence.reviewAction, review.at, false) }
        for action in plan.actions where action.isPlanned(on: day) {
            for (time, isRepeat) in times(of: action) { add(.action, action.id, time, isRepeat) }
        }
        return out.sorted()
    }

    /// An action's times, listed one by one.
    private func times(of action: PlanAction) -> [(LocalTime, Bool)] {
        var all = Set(action.at).map { ($0, false) }
        var seen = Set(action.at)
        if let step = action.repeat?.seconds, step > 0 {
            for start in action.at {
                var t = start.secondsSinceMidnight + step
                while t <= (action.until?.secondsSinceMidnight ?? 86_399), let time = LocalTime(secondsSinceMidnight: t) {
                    if seen.insert(time).inserted { all.append((time, true)) }
                    t += step
                }
            }
        }
        return all.sorted { $0.0 < $1.0 }
    }
}
