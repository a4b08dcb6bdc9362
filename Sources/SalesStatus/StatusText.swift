#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SalesContract
import SalesText

/// The human rendering of a `Status` reply: aligned `key: value` lines, the next reminder first.
public enum StatusText {
    public static func lines(_ reply: StatusCall.Reply, now: Date) -> [String] {
        var table = TextTable()
        func row(_ key: String, _ value: String?) {
            if let value { table.append([key + ":", value]) }
        }
        row("next reminder", nextReminder(reply.nextReminder, today: reply.today, now: now))
        row("today", "\(reply.today) · \(reply.doneToday) of \(reply.actionsToday) actions done")
        row("notifications", notifications(reply.notifications))
        row("daemon", "pid \(reply.pid) · salesd \(reply.version)")
        let ago = WireTimestamp.parse(reply.since).map { " (" + RelativeTime.describe($0, from: now) + ")" } ?? ""
        row("since", reply.since + ago)
        row("config", reply.config)
        row("ledger", reply.ledger)
        row("time zone", reply.timeZone + (reply.systemTimeZone.map { " (the system's is \($0); times shown are the plan's)" } ?? ""))
        return table.lines()
    }

    /// `09:30 connection-requests — Send 5 connection requests (in 25 min)`, or `none planned`.
    public static func nextReminder(_ next: StatusCall.Reminder?, today: String, now: Date) -> String {
        guard let next else { return "none planned" }
        let relative = WireTimestamp.parse(next.at).map { " (" + RelativeTime.describe($0, from: now) + ")" } ?? ""
        // The day and wall clock as written, i.e. in the plan's zone (`2026-11-27`, `09:30`).
        let day = next.at.prefix(10) == today[...] ? "" : next.at.prefix(10) + " "
        let clock = next.at.firstIndex(of: "T").map { String(next.at[next.at.index(after: $0)...].prefix(5)) } ?? next.at
        return "\(day)\(clock) \(next.action) — \(next.title)\(relative)"
    }

    /// `on (dunst)`, or `off — no notification server (…)` with the daemon's reason.
    public static func notifications(_ state: StatusCall.NotificationState) -> String {
        if state.available {
            let server = state.server.map { " (" + $0 + ")" } ?? ""
            let buttons = state.capabilities.contains("actions") ? "" : ", no buttons"
            return "on" + server + buttons
        }
        return "off — " + (state.reason ?? "no notification server") + "; reminders still go to the journal"
    }
}
