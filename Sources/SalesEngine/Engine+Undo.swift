import Foundation
import SalesPlan

extension Engine {
    /// The undo event that takes back the latest done, skip, snooze, day off or result recorded
    /// (of `action`, for `day`), within the days the engine keeps.
    func undoEvent(action: String?, day: LocalDay?, now: Date, source: String)
        throws(CommandError) -> Event
    {
        guard let target = book.undoable.last(where: {
            (action == nil || $0.action == action) && (day == nil || $0.day == day)
        }) else {
            throw .nothingToUndo(action: action, day: day)
        }
        return Event(kind: .undo, at: now, day: target.day, action: target.action,
                     count: target.kind == .done ? target.count ?? 1 : nil, ref: target.id,
                     resultKind: target.resultKind, value: target.value, source: source,
                     payload: Undo.payload(undoes: target.kind))
    }

    /// The event an undo event took back.
    public func cancelledEvent(by undo: Event) -> Event? { undo.ref.flatMap { book.cancelled[$0] } }

    /// What made `day` off — `config` (the plan's daysOff) or `ctl` (`salesd ctl off`, with
    /// the reason given) — or nil when it is not off.
    public func offSource(_ day: LocalDay) -> (by: String, reason: String?)? {
        if plan.isDayOff(day) { return ("config", nil) }
        guard book.daysOff.contains(day) else { return nil }
        return ("ctl", book.dayOffReasons[day])
    }

    /// Whether `command` asks for what is in force already, so recording it would change
    /// nothing: a second skip of the same action today, a day off that is already off (by the
    /// config or by an earlier `off`). Unknown actions and bad days are left to ``prepare``.
    public func repeatsWhatIsInForce(_ command: Command, now: Date) throws(CommandError) -> Bool {
        let today = calendar.day(of: now)
        switch command {
        case .skip(let action, _):
            return plan.action(id: action) != nil && book.isSkipped(action, on: today)
        case .dayOff(let dayText, _):
            return isOff(try resolveDay(dayText, today: today, parameter: "day", allowFuture: true))
        case .daysOff(let from, let through, _):
            return try vacationDays(from: from, through: through, today: today).allSatisfy(isOff)
        default:
            return false
        }
    }

    /// The journal line of an undo: what it took back, and the action's count afterwards.
    func undoMessage(_ event: Event, progress: String) -> String {
        let name = event.action ?? ""
        guard let target = cancelledEvent(by: event) else {
            return "Undone: \(name) −\(event.count ?? 1)\(progress) on \(event.day)"
        }
        switch target.kind {
        case .skip: return "Undone: skip of \(name) on \(event.day)"
        case .snooze: return "Undone: snooze of \(name)"
        case .dayOff: return "Undone: day off on \(event.day)"
        case .result:
            let value = target.value.map { " \(NumberText.format($0))" } ?? ""
            return "Undone: result \(target.resultKind ?? "")\(value) on \(event.day)"
        default: return "Undone: \(name) −\(target.count ?? 1)\(progress) on \(event.day)"
        }
    }
}

extension Engine {
    /// The entry a plain `undo` would take back now, if any.
    public var latestUndoable: Event? { book.undoable.last }
}
