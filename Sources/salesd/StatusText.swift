import Foundation
import SalesControl

/// The human rendering of a `Status` reply: aligned `key: value` lines, the next reminder first.
enum StatusText {
    static func lines(_ reply: [String: JSONValue], now: Date) -> [String] {
        var table = TextTable()
        func row(_ key: String, _ value: String?) {
            if let value { table.append([key + ":", value]) }
        }
        row("next reminder", nextReminder(reply["nextReminder"], today: reply["today"]?.string, now: now))
        if let day = reply["today"]?.string {
            let done = reply["doneToday"]?.int ?? 0, planned = reply["actionsToday"]?.int ?? 0
            row("today", "\(day) · \(done) of \(planned) actions done")
        }
        row("notifications", notifications(reply["notifications"]))
        let pid = reply["pid"]?.int.map(String.init) ?? "?"
        let version = reply["version"]?.string.map { " · salesd " + $0 } ?? ""
        row("daemon", "pid \(pid)\(version)")
        if let since = reply["since"]?.string {
            let ago = WireTime.date(since).map { " (" + RelativeTime.describe($0, from: now) + ")" } ?? ""
            row("since", since + ago)
        }
        row("config", reply["config"]?.string)
        row("ledger", reply["ledger"]?.string)
        row("time zone", reply["timeZone"]?.string)
        return table.lines()
    }

    /// `09:30 connection-requests — Send 5 connection requests (in 25 min)`, or `none planned`.
    static func nextReminder(_ json: JSONValue?, today: String?, now: Date) -> String {
        guard let json, let at = json["at"]?.string else { return "none planned" }
        let action = json["action"]?.string ?? ""
        let title = json["title"]?.string.map { " — " + $0 } ?? ""
        let relative = WireTime.date(at).map { " (" + RelativeTime.describe($0, from: now) + ")" } ?? ""
        let day = WireTime.day(at) == today ? "" : WireTime.day(at) + " "
        return "\(day)\(WireTime.clock(at)) \(action)\(title)\(relative)"
    }

    /// `on (dunst)`, or `off — no notification server (…)` with the daemon's reason.
    static func notifications(_ json: JSONValue?) -> String? {
        guard let json else { return nil }
        if json["available"]?.bool == true {
            let server = json["server"]?.string.map { " (" + $0 + ")" } ?? ""
            let buttons = json["capabilities"]?.array?.contains("actions") == false ? ", no buttons" : ""
            return "on" + server + buttons
        }
        let reason = json["reason"]?.string ?? "no notification server"
        return "off — " + reason + "; reminders still go to the journal"
    }
}
