import Foundation
import SalesContract
import SalesPlan
import SalesSchedule
import SalesScore

extension Engine {
    /// The actions planned on `day`, in the order to work them: open ones by time (the next
    /// reminder, else the planned time; none last), then the step furthest behind this week,
    /// then plan order; finished ones after.
    public func states(on day: LocalDay, now: Date) -> [ActionState] {
        let planned = plan.actions.filter { $0.isPlanned(on: day) }
        let states = planned.map { action -> ActionState in
            let done = book.doneCount(action.id, on: day)
            let state: ActionState.State =
                isOff(day) ? .off
                : done >= action.target(on: day) ? .done
                : book.isSkipped(action.id, on: day) ? .skipped
                : .open
            let snooze = book.snoozes[action.id].flatMap { $0.owed ? $0.until : nil }
                .flatMap { $0 > now && calendar.day(of: $0) == day ? $0 : nil }
            let nextRegular = state == .open
                ? schedule.occurrences(of: action.id, on: day, after: now).first { !isMoot($0) }?.instant : nil
            let next = state == .open ? [snooze, nextRegular].compactMap { $0 }.min() : nil
            let step = plan.step(id: action.step) ?? Step(id: action.step, name: action.step)
            return ActionState(action: action, step: step, done: done, state: state, next: next,
                               target: action.target(on: day))
        }
        let ranked = TodayRanking.rank(
            states.map { state in
                let time = state.next.map { calendar.time(of: $0) } ?? state.action.at.first
                return TodayActionState(action: state.action.id, nextAt: time, finished: state.state != .open)
            },
            plan: plan, paceByStep: paceByStep(today: day, now: now))
        let byID = Dictionary(states.map { ($0.action.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ranked.compactMap { byID[$0.action] }
    }

    /// This week's pace per step (negative: behind), from the recent ledger and the current plan.
    func paceByStep(today: LocalDay, now: Date) -> [String: Int] {
        return Scoreboard.compute(
            versions: versions, events: recent, today: today,
            now: calendar.time(of: now), weeks: 1, weekStart: plan.weekStart
        ).paceByStep
    }

    /// What's the next step: the first open action of today, if any.
    public func next(now: Date) -> ActionState? {
        states(on: calendar.day(of: now), now: now).first { $0.state == .open }
    }

    /// How many actions are planned on `day` and how many of them reached their target: the
    /// cheap summary `Status` shows, without ranking.
    public func progress(on day: LocalDay) -> (planned: Int, done: Int) {
        let planned = plan.actions.filter { $0.isPlanned(on: day) }
        return (planned.count, planned.filter { book.doneCount($0.id, on: day) >= $0.target(on: day) }.count)
    }
}
