import Foundation
import SalesContract
import SalesEngine
import SalesLedger
import SalesPlan

extension DaemonDriver {
    /// `Plan`: each day's actions in time order, and whether the day is off.
    func plan(_ call: PlanCall, now: Date) throws -> PlanCall.Reply {
        let today = engine.calendar.day(of: now)
        let first = try day(call.day, today: today, parameter: "day")
        let count = call.days ?? 7
        guard PlanCall.dayRange.contains(count) else {
            throw CommandError.invalidArgument(
                parameter: "days", value: String(count),
                message: "is out of range (\(PlanCall.dayRange.lowerBound) to \(PlanCall.dayRange.upperBound))")
        }
        // Time order; an action without a reminder time last, plan order breaking ties.
        let untimed = LocalTime(hour: 23, minute: 59, second: 59)!
        let days = (0..<count).map { offset -> PlanDay in
            let day = first.adding(days: offset)
            let off = engine.offSource(day)
            let actions = off != nil ? [] : engine.plan.actions(on: day)
                .enumerated()
                .sorted { ($0.element.at.first ?? untimed, $0.offset) < ($1.element.at.first ?? untimed, $1.offset) }
                .map { wire.planned($0.element, on: day) }
            return PlanDay(day: day.description, off: off != nil, offBy: off?.by, offReason: off?.reason, actions: actions)
        }
        return PlanCall.Reply(today: today.description, days: days)
    }

    /// `Log`: the ledger's person-made events between two days, with what undo took back.
    func log(_ call: LogCall, now: Date) throws -> LogCall.Reply {
        let today = engine.calendar.day(of: now)
        let last = try day(call.to, today: today, parameter: "to")
        let first = try call.from.map { text throws in try day(text, today: today, parameter: "from") } ?? last.adding(days: -6)
        guard first <= last else {
            throw CommandError.invalidArgument(parameter: "from", value: first.description,
                                               message: "is after --to \(last) (give the earlier day first)")
        }
        guard first.days(to: last) < LogCall.maxDays else {
            throw CommandError.invalidArgument(parameter: "from", value: first.description,
                                               message: "is more than \(LogCall.maxDays) days before \(last)")
        }
        if let action = call.action, engine.plan.action(id: action) == nil {
            throw CommandError.noSuchAction(action, known: engine.plan.actions.map(\.id))
        }
        // An action's history includes what it recorded under its former ids.
        let renames = engine.plan.renames
        let aliases = { (ids: Set<String>) in ids.union(renames.filter { ids.contains($0.value) }.keys) }
        var actions: Set<String>? = call.action.map { aliases([$0]) }
        if let step = call.step {
            guard engine.plan.step(id: step) != nil else {
                throw CommandError.invalidArgument(
                    parameter: "step", value: step,
                    message: "is not a step of the plan (steps: \(engine.plan.steps.map(\.id).joined(separator: ", ")))")
            }
            let ofStep = aliases(Set(engine.plan.actions.filter { $0.step == step }.map(\.id)))
            actions = actions.map { $0.intersection(ofStep) } ?? ofStep
        }
        let kinds: Set<Event.Kind> = [.done, .undo, .skip, .snooze, .dayOff, .result]
        let events = try ledger.events(from: first, through: last, kinds: kinds)
        let cancelled = Set(events.filter { $0.kind == .undo }.compactMap(\.ref))
        let entries = events
            .filter { event in actions.map { $0.contains(event.action ?? "") } ?? true }
            .map { event in
                LogEntry(event: wire.event(event), cancelled: event.id.map(cancelled.contains) ?? false,
                         undoes: event.kind == .undo ? event.ref : nil)
            }
        return LogCall.Reply(from: first.description, to: last.description, entries: entries)
    }

    /// `today`, `yesterday`, `tomorrow` or an ISO day, anywhere in time (history and plans are
    /// not bound to the backfill window).
    private func day(_ text: String?, today: LocalDay, parameter: String) throws -> LocalDay {
        switch text {
        case nil, "today": return today
        case "yesterday": return today.adding(days: -1)
        case "tomorrow": return today.adding(days: 1)
        case let text?:
            guard let day = LocalDay(iso: text) else {
                throw CommandError.invalidArgument(parameter: parameter, value: text,
                                                   message: "is not a day (use YYYY-MM-DD, today or yesterday)")
            }
            return day
        }
    }
}
