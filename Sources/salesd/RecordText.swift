import SalesContract
import SalesPlan

/// One-line confirmations of the verbs that change the ledger or the plan.
enum RecordText {
    /// `Recorded: connection-requests +2 → 2 of 5 today`.
    static func done(_ reply: DoneCall.Reply) -> String {
        let progress = reply.progress
        var line = "Recorded: \(progress.action) +\(reply.event.count ?? 1)"
        line += " → \(progress.done) of \(progress.target) " + when(reply.event)
        if progress.done >= progress.target, progress.target > 0 { line += " · target met" }
        return line
    }

    /// `Undone: connection-requests −2 → 0 of 5 today`, `Undone: day off on Thursday 24 December 2026`.
    static func undo(_ reply: UndoCall.Reply) -> String {
        let cancelled = reply.cancelled
        let already = reply.outcome == .already ? " (already; nothing more taken back)" : ""
        let on = when(cancelled)
        let name = cancelled.action ?? ""
        let standing = reply.progress.map { " → \($0.done) of \($0.target) " + on } ?? ""
        let line: String
        switch cancelled.kind {
        case "done": line = "Undone: \(name) −\(cancelled.count ?? 1)" + (standing.isEmpty ? " " + on : standing)
        case "skip": line = "Undone: skip of \(name) \(on)" + (reply.progress.map { " → \($0.done) of \($0.target)" } ?? "")
        case "snooze": line = "Undone: snooze of \(name); its reminders are back"
        case "day-off": line = "Undone: day off on \(WireTime.longDay(cancelled.day)); its reminders are back"
        case "result":
            let value = cancelled.value.map { " " + NumberText.format($0) } ?? ""
            line = "Undone: result \(cancelled.resultKind ?? "?")\(value) \(on)"
        default: line = "Undone: \(cancelled.kind) \(name) \(on)"
        }
        return line + already
    }

    /// `Snoozed: connection-requests until 10:15`.
    static func snooze(_ reply: SnoozeCall.Reply, action: String) -> String {
        guard reply.outcome != .nothing else {
            return "Nothing to snooze: \(action) has nothing due before \(WireTime.clock(reply.until)); "
                + "nothing recorded (see what is due: salesd ctl today)"
        }
        return "Snoozed: \(action) until \(WireTime.clock(reply.until))"
    }

    /// `Skipped: follow-ups for today (no more reminders)`.
    static func skip(_ reply: SkipCall.Reply) -> String {
        reply.outcome == .already
            ? "Already skipped: \(reply.progress.action) for today (nothing recorded)"
            : "Skipped: \(reply.progress.action) for today (no more reminders)"
    }

    /// `Day off: 2026-12-24 (no reminders; the streak is kept)`.
    static func dayOff(_ reply: DayOffCall.Reply) -> String {
        if let through = reply.through {
            let span = "\(WireTime.longDay(reply.day)) to \(WireTime.longDay(through))"
            let count = reply.days?.count ?? 0
            return reply.outcome == .already
                ? "Already days off: \(span) (nothing recorded)"
                : "Days off: \(span), \(count) day\(count == 1 ? "" : "s") (no reminders; the streak is kept)"
        }
        return reply.outcome == .already
            ? "Already a day off: \(WireTime.longDay(reply.day)) (nothing recorded)"
            : "Day off: \(WireTime.longDay(reply.day)) (no reminders; the streak is kept)"
    }

    /// `Recorded result: client 1 — signed the retainer`, `Recorded result: revenue 12000 EUR`.
    static func result(_ reply: ResultCall.Reply) -> String {
        let event = reply.event
        let currency = reply.unit.flatMap { $0 == "count" ? nil : " " + $0 } ?? ""
        let value = event.value.map { " " + NumberText.format($0) + currency } ?? ""
        let note = event.note.map { " — " + $0 } ?? ""
        return "Recorded result: \(event.resultKind ?? "?")\(value)\(note)"
    }

    /// `Reloaded /path/config.json: 7 actions (changed)`.
    static func reload(_ reply: ReloadCall.Reply) -> String {
        "Reloaded \(reply.config): \(reply.actions) action\(reply.actions == 1 ? "" : "s") (\(reply.changed ? "changed" : "unchanged"))"
    }

    /// `today` when the event's day is the day it was recorded on, else `on 2026-11-26`.
    static func when(_ event: RecordedEvent) -> String {
        WireTime.day(event.at) == event.day ? "today" : "on " + event.day
    }
}
