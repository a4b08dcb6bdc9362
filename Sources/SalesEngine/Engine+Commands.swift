import Foundation
import SalesPlan
import SalesSchedule

extension Engine {
    /// Checks a command against the plan and the recent ledger and returns the event to record.
    /// Nothing changes until the driver has made the event durable and calls ``apply(_:now:)``.
    public func prepare(_ command: Command, now: Date, source: String) throws(CommandError) -> Event {
        let today = calendar.day(of: now)
        switch command {
        case .done(let action, let count, let note, let dayText):
            try requireAction(action)
            guard (1...10_000).contains(count) else {
                throw .invalidArgument(parameter: "count", value: String(count), message: "must be from 1 to 10000")
            }
            let day = try resolveDay(dayText, today: today, parameter: "day", allowFuture: false)
            return Event(kind: .done, at: now, day: day, action: action, count: count, note: note, source: source)
        case .undo(let action, let dayText):
            if let action { try requireAction(action) }
            let day = try dayText.map { text throws(CommandError) in
                try resolveDay(text, today: today, parameter: "day", allowFuture: true)
            }
            return try undoEvent(action: action, day: day, now: now, source: source)
        case .snooze(let action, let duration):
            try requireAction(action)
            let length = duration ?? plan.snooze
            let until = now.addingTimeInterval(length.timeInterval)
            // A snooze postpones; it never advances. With nothing due before its end (not yet
            // reminded, no reminder inside it), it would only bring a later reminder forward.
            let open = !isOff(today) && !book.isSkipped(action, on: today)
                && book.doneCount(action, on: today) < (plan.action(id: action)?.target(on: today) ?? 1)
            guard open, snoozeIsOwed(action: action, from: now, until: until) else {
                throw .nothingToSnooze(action: action, until: calendar.time(of: until))
            }
            return Event(kind: .snooze, at: now, day: today, action: action, until: until, source: source)
        case .skip(let action, let reason):
            try requireAction(action)
            return Event(kind: .skip, at: now, day: today, action: action, note: reason, source: source)
        case .dayOff(let dayText, let reason):
            let day = try resolveDay(dayText, today: today, parameter: "day", allowFuture: true)
            return Event(kind: .dayOff, at: now, day: day, note: reason, source: source)
        case .daysOff(let from, let through, let reason):
            let days = try vacationDays(from: from, through: through, today: today)
            let first = days.first { !isOff($0) } ?? days[0]
            return Event(kind: .dayOff, at: now, day: first, note: reason, source: source)
        case .result(let kind, let value, let note):
            guard plan.result(id: kind) != nil else {
                throw .noSuchResultKind(kind, known: plan.results.map(\.id), closest: plan.closestResult(to: kind))
            }
            if let value, !value.isFinite || abs(value) > Engine.maxResultValue {
                throw .invalidArgument(parameter: "value", value: String(value),
                                       message: "must be a number between -1e12 and 1e12")
            }
            return Event(kind: .result, at: now, day: today, note: note, resultKind: kind, value: value, source: source)
        }
    }

    /// Takes a durable event into account and says what follows: an announcement, a closed
    /// notification, and a new wake-up time (a done action stops its re-reminders).
    public mutating func apply(_ event: Event, now: Date) -> [EngineEffect] {
        // What came due before the event is dealt with before it, as in a wake done at once.
        var effects = finishWake()
        remember(event)
        if let announcement = announcement(for: event) { effects.append(.announce(announcement, desktop: false)) }
        if let action = event.action, [.done, .skip, .snooze].contains(event.kind) {
            let settled = book.doneCount(action, on: event.day) >= (plan.action(id: action)?.target(on: event.day) ?? 1)
            if event.kind != .done || settled { effects.append(.withdraw(action: action)) }
        }
        effects.append(.arm(nextWake(after: max(now, handledThrough))))
        return effects
    }

    private func announcement(for event: Event) -> Announcement? {
        let action = event.action.flatMap { plan.action(id: $0) }
        let done = event.action.map { book.doneCount($0, on: event.day) }
        let progress = action.map { " → \(done ?? 0) of \($0.target(on: event.day))" } ?? ""
        let name = event.action ?? ""
        // A note or reason may name someone: the journal gets it only when the config says so.
        let note = plan.journalNames ? event.note : nil
        let message: String
        switch event.kind {
        case .done: message = "Done: \(name) +\(event.count ?? 1)\(progress) on \(event.day)"
        case .undo: message = undoMessage(event, progress: progress)
        case .skip: message = "Skipped today: \(name)\(note.map { " (\($0))" } ?? "")"
        case .snooze:
            let until = event.until.map { calendar.time(of: $0).description } ?? "?"
            message = "Snoozed \(name) until \(until)"
        case .dayOff: message = "Day off: \(event.day)\(note.map { " (\($0))" } ?? "")"
        case .result:
            let value = event.value.map { " \(NumberText.format($0))" } ?? ""
            message = "Result: \(event.resultKind ?? "")\(value)\(note.map { " — \($0)" } ?? "")"
        case .reminder, .missed, .plan, .commitment, .commitmentKept: return nil
        }
        let kind: Announcement.Kind = switch event.kind {
        case .done: .done
        case .undo: .undo
        case .skip: .skip
        case .snooze: .snooze
        case .dayOff: .dayOff
        default: .result
        }
        return Announcement(
            kind: kind, message: message, priority: .info, day: event.day, action: event.action,
            step: action?.step, title: action?.title, count: event.count, done: done, target: action?.target(on: event.day))
    }

    private func requireAction(_ id: String) throws(CommandError) {
        guard plan.action(id: id) != nil else {
            if plan.step(id: id) != nil {
                throw .stepIsNotAnAction(step: id, actions: plan.actions.filter { $0.step == id }.map(\.id))
            }
            throw .noSuchAction(id, known: plan.actions.map(\.id))
        }
    }

    /// `today`, `yesterday` or an ISO date within the backfill window.
    public func resolveDay(_ text: String?, today: LocalDay, parameter: String, allowFuture: Bool)
        throws(CommandError) -> LocalDay
    {
        guard let text, text != "today" else { return today }
        let day: LocalDay
        if text == "yesterday" { day = today.adding(days: -1) }
        else if text == "tomorrow" { day = today.adding(days: 1) }
        else if let parsed = LocalDay(iso: text) { day = parsed }
        else {
            throw .invalidArgument(parameter: parameter, value: text,
                                   message: "is not a day (use YYYY-MM-DD, today or yesterday)")
        }
        if day > today, !allowFuture {
            throw .invalidArgument(parameter: parameter, value: text, message: "is in the future")
        }
        if today.days(to: day) < -plan.backfillDays {
            throw .invalidArgument(
                parameter: parameter, value: text,
                message: "is more than \(plan.backfillDays) days ago (raise backfillDays in the config to go further)")
        }
        return day
    }

    /// Every day from `from` (default today) through `through`: a vacation of at most 366 days,
    /// starting no earlier than the backfill window allows.
    public func vacationDays(from: String?, through: String, today: LocalDay) throws(CommandError) -> [LocalDay] {
        let first = try resolveDay(from, today: today, parameter: "day", allowFuture: true)
        let last = try resolveDay(through, today: today, parameter: "through", allowFuture: true)
        guard first <= last else {
            throw .invalidArgument(parameter: "through", value: through, message: "is before the first day, \(first)")
        }
        guard first.days(to: last) < 366 else {
            throw .invalidArgument(parameter: "through", value: through,
                                   message: "makes a vacation longer than 366 days (split it)")
        }
        return (0...first.days(to: last)).map { first.adding(days: $0) }
    }

    /// The day-off events a vacation records: one per day of it not off already, oldest first.
    public func vacationEvents(_ command: Command, now: Date, source: String) throws(CommandError) -> [Event] {
        guard case .daysOff(let from, let through, let reason) = command else { return [] }
        return try vacationDays(from: from, through: through, today: calendar.day(of: now))
            .filter { !isOff($0) }
            .map { Event(kind: .dayOff, at: now, day: $0, note: reason, source: source) }
    }

    /// Large enough for any deal, small enough that sums stay exact and charts can scale them.
    static let maxResultValue = 1e12
}
