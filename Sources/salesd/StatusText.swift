import Foundation
import SalesContract
import SalesText

/// The human rendering of a `Status` reply: aligned `key: value` lines, the next reminder first.
enum StatusText {
    static func lines(_ reply: StatusCall.Reply, now: Date) -> [String] {
        var table = TextTable()
        func row(_ key: String, _ value: String?) {
            if let value { table.append([key + ":", value]) }
        }
        row("next reminder", nextReminder(reply.nextReminder, today: reply.today, now: now))
        row("today", "\(reply.today) · \(reply.doneToday) of \(reply.actionsToday) actions done")
        row("notifications", notifications(reply.notifications))
        row("daemon", "pid \(reply.pid) · salesd \(reply.version)")
        let ago = WireTime.date(reply.since).map { " (" + RelativeTime.describe($0, from: now) + ")" } ?? ""
        row("since", reply.since + ago)
        row("config", reply.config)
        row("ledger", reply.ledger)
        row("time zone", reply.timeZone + (reply.systemTimeZone.map { " (the system's is \($0); times shown are the plan's)" } ?? ""))
        return table.lines()
    }

    /// `09:30 connection-requests — Send 5 connection requests (in 25 min)`, or `none planned`.
    static func nextReminder(_ next: StatusCall.Reminder?, today: String, now: Date) -> String {
        guard let next else { return "none planned" }
        let relative = WireTime.date(next.at).map { " (" + RelativeTime.describe($0, from: now) + ")" } ?? ""
        let day = WireTime.day(next.at) == today ? "" : WireTime.day(next.at) + " "
        return "\(day)\(WireTime.clock(next.at)) \(next.action) — \(next.title)\(relative)"
    }

    /// `on (dunst)`, or `off — no notification server (…)` with the daemon's reason.
    static func notifications(_ state: StatusCall.NotificationState) -> String {
        if state.available {
            let server = state.server.map { " (" + $0 + ")" } ?? ""
            let buttons = state.capabilities.contains("actions") ? "" : ", no buttons"
            return "on" + server + buttons
        }
        return "off — " + (state.reason ?? "no notification server") + "; reminders still go to the journal"
    }
}
