import SalesControl

/// One-line confirmations of the verbs that change the ledger or the plan.
enum RecordText {
    /// `Recorded: connection-requests +2 → 2 of 5 today`.
    static func done(_ reply: [String: JSONValue]) -> String {
        let event = reply["event"]
        let progress = ActionProgress(reply["progress"])
        let action = progress?.action ?? event?["action"]?.string ?? "?"
        let count = event?["count"]?.int ?? 1
        var line = "Recorded: \(action) +\(count)"
        if let progress { line += " → \(progress.done) of \(progress.target) " + when(event) }
        if let progress, progress.done >= progress.target, progress.target > 0 { line += " · target met" }
        return line
    }

    /// `Undone: connection-requests −2 → 0 of 5 today`.
    static func undo(_ reply: [String: JSONValue]) -> String {
        let event = reply["undone"]
        let progress = ActionProgress(reply["progress"])
        let action = progress?.action ?? event?["action"]?.string ?? "?"
        let count = event?["count"]?.int ?? 1
        var line = "Undone: \(action) −\(count)"
        if let progress { line += " → \(progress.done) of \(progress.target) " + when(event) }
        return line
    }

    /// `Snoozed: connection-requests until 10:15`.
    static func snooze(_ reply: [String: JSONValue], action: String) -> String {
        guard let until = reply["until"]?.string else { return "Snoozed: \(action)" }
        return "Snoozed: \(action) until \(WireTime.clock(until))"
    }

    /// `Skipped: follow-ups for today (no more reminders)`.
    static func skip(_ reply: [String: JSONValue], action: String) -> String {
        let name = ActionProgress(reply["progress"])?.action ?? action
        return "Skipped: \(name) for today (no more reminders)"
    }

    /// `Day off: 2026-12-24 (no reminders; the streak is kept)`.
    static func dayOff(_ reply: [String: JSONValue]) -> String {
        let day = reply["day"]?.string ?? "today"
        return "Day off: \(WireTime.longDay(day)) (no reminders; the streak is kept)"
    }

    /// `Recorded result: client 1 — signed the retainer`.
    static func result(_ reply: [String: JSONValue]) -> String {
        let event = reply["event"]
        let kind = event?["resultKind"]?.string ?? "?"
        let value = event?["value"]?.double.map { " " + number($0) } ?? ""
        let note = event?["note"]?.string.map { " — " + $0 } ?? ""
        return "Recorded result: \(kind)\(value)\(note)"
    }

    /// `Reloaded /path/config.json: 7 actions (changed)`.
    static func reload(_ reply: [String: JSONValue]) -> String {
        let config = reply["config"]?.string ?? "the config"
        let actions = reply["actions"]?.int ?? 0
        let changed = reply["changed"]?.bool == true ? "changed" : "unchanged"
        return "Reloaded \(config): \(actions) action\(actions == 1 ? "" : "s") (\(changed))"
    }

    /// `today` when the event's day is the day it was recorded on, else `on 2026-11-26`.
    static func when(_ event: JSONValue?) -> String {
        guard let day = event?["day"]?.string, let at = event?["at"]?.string, WireTime.day(at) != day else {
            return "today"
        }
        return "on " + day
    }

    /// `3`, `1.5`: whole numbers without a trailing `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
