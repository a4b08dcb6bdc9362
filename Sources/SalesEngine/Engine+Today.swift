import Foundation
import SalesPlan
import SalesSchedule

extension Engine {
    /// The actions planned on `day`, in the order to work them: open ones by their next reminder
    /// (then by their first planned time, then plan order), then finished ones.
    public func states(on day: LocalDay, now: Date) -> [ActionState] {
        let planned = plan.actions.filter { $0.isPlanned(on: day) }
        let upcoming = schedule.occurrences(on: day).filter { $0.instant > now && $0.kind == .action }
        let states = planned.map { action -> ActionState in
            let done = book.doneCount(action.id, on: day)
            let state: ActionState.State =
                isOff(day) ? .off
                : done >= action.target ? .done
                : book.isSkipped(action.id, on: day) ? .skipped
                : .open
            let snooze = book.snoozes[action.id].map(\.until).flatMap { $0 > now && calendar.day(of: $0) == day ? $0 : nil }
            let nextRegular = upcoming.first { $0.action == action.id && !isMoot($0) }?.instant
            let next = state == .open ? [snooze, nextRegular].compactMap { $0 }.min() : nil
            let step = plan.step(id: action.step) ?? Step(id: action.step, name: action.step)
            return ActionState(action: action, step: step, done: done, state: state, next: next)
        }
        let order = Dictionary(uniqueKeysWithValues: plan.actions.enumerated().map { ($1.id, $0) })
        return states.sorted { a, b in
            if (a.state == .open) != (b.state == .open) { return a.state == .open }
            let na = a.next ?? .distantFuture, nb = b.next ?? .distantFuture
            if na != nb { return na < nb }
            let ta = a.action.at.first?.secondsSinceMidnight ?? 86_400
            let tb = b.action.at.first?.secondsSinceMidnight ?? 86_400
            if ta != tb { return ta < tb }
            return order[a.action.id]! < order[b.action.id]!
        }
    }

    /// What's the next step: the first open action of today, if any.
    public func next(now: Date) -> ActionState? {
        states(on: calendar.day(of: now), now: now).first { $0.state == .open }
    }
}
