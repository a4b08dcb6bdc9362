import Foundation
import SalesPlan
import SalesSchedule

/// The planned actions of some weeks as an RFC 5545 iCalendar: one event per (action, day, time),
/// plus the weekly review, with a VTIMEZONE made from the zone's real transitions in that range.
///
/// An event's start is written in the plan's local time (`DTSTART;TZID=…`) except when the
/// planned time does not exist (moved out of a spring-forward gap) or occurs twice (fall back):
/// those are written in UTC. A calendar client reads a non-existent local time with the offset
/// before the gap (RFC 5545 §3.3.5), an hour away from when salesd reminds, and many read a
/// doubled time as its second occurrence; a UTC instant means one thing to every client.
public struct CalendarFeed: Sendable {
    public var plan: Plan
    public var calendar: ZoneCalendar
    /// The `TZID`: the plan's zone as it names it (Foundation calls "UTC" "GMT").
    public var zoneName: String
    /// `PRODID`'s version part.
    public var version: String
    /// Days off beyond the plan's own `daysOff` (the ledger's `ctl off`, vacations): no events.
    public var daysOff: Set<LocalDay> = []
    /// How long each event lasts in a calendar (reminders have no length of their own).
    public static let eventMinutes = 15

    public init(plan: Plan, calendar: ZoneCalendar, version: String) {
        self.plan = plan
        self.calendar = calendar
        self.zoneName = plan.timeZone ?? calendar.timeZone.identifier
        self.version = version
    }

    /// The events of the days `from` … `from + days - 1`.
    public func events(from: LocalDay, days: Int) -> [CalendarEvent] {
        let schedule = plannedSchedule
        return (0..<max(days, 0)).flatMap { events(on: from.adding(days: $0), schedule: schedule) }
    }

    /// Re-reminders are not events: the schedule of the planned times alone, so a plan that
    /// re-reminds every minute is not read through 1,440 times a day per action.
    private var plannedSchedule: Schedule {
        var planned = plan
        planned.actions = plan.actions.map { action in
            var action = action
            action.repeat = nil
            return action
        }
        return Schedule(plan: planned, calendar: calendar)
    }

    private func events(on day: LocalDay, schedule: Schedule) -> [CalendarEvent] {
        if daysOff.contains(day) { return [] }
        var out: [CalendarEvent] = []
        for occurrence in schedule.occurrences(on: day) {
            switch occurrence.kind {
            case .action:
                guard let action = plan.action(id: occurrence.action) else { continue }
                out.append(event(for: occurrence, action: action))
            case .review:
                out.append(CalendarEvent(
                    uid: Self.uid(action: occurrence.action, day: day, time: occurrence.time),
                    occurrence: occurrence, inUTC: writesInUTC(occurrence),
                    summary: "Weekly review",
                    description: "Last week's scoreboard, last week's commitments, the next week's.\n"
                        + "Start the session in a terminal: salesd plan-week",
                    category: "salesd"))
            default:
                continue
            }
        }
        return out
    }

    private func event(for occurrence: Occurrence, action: PlanAction) -> CalendarEvent {
        let step = plan.step(id: action.step)?.name ?? action.step
        var lines = ["\(step) · target \(action.target(on: occurrence.day)) that day"]
        if let every = action.repeat {
            lines.append("Re-reminded every \(every) until done" + (action.until.map { " or \($0)" } ?? ""))
        }
        lines.append("Record it: salesd ctl done \(action.id)")
        return CalendarEvent(
            uid: Self.uid(action: action.id, day: occurrence.day, time: occurrence.time),
            occurrence: occurrence, inUTC: writesInUTC(occurrence), summary: action.title,
            description: lines.joined(separator: "\n"), category: step)
    }

    private func writesInUTC(_ occurrence: Occurrence) -> Bool {
        occurrence.shifted || calendar.resolve(occurrence.time, on: occurrence.day)?.repeated == true
    }

    /// `connection-requests/2026-12-01/0930@salesd`: the same (action, day, time) always has the
    /// same UID, so a re-imported feed updates its events instead of adding copies.
    public static func uid(action: String, day: LocalDay, time: LocalTime) -> String {
        let clock = time.description.replacingOccurrences(of: ":", with: "")
        return "\(action)/\(day)/\(clock)@salesd"
    }

    /// The whole calendar text, CRLF line endings.
    public func render(from: LocalDay, days: Int, now: Date) -> String {
        var text = ""
        render(from: from, days: days, now: now) { text += $0 }
        return text
    }

    /// The calendar text in pieces, a day's events at a time, for `emit` to write out: a plan of
    /// thousands of actions never holds its whole feed in memory.
    public func render(from: LocalDay, days: Int, now: Date, emit: (String) throws -> Void) rethrows {
        var lines = ContentLines()
        lines.add("BEGIN", "VCALENDAR")
        lines.add("VERSION", "2.0")
        lines.add("PRODID", "-//salesd//salesd \(version)//EN")
        lines.add("CALSCALE", "GREGORIAN")
        lines.add("METHOD", "PUBLISH")
        lines.addText("X-WR-CALNAME", "salesd plan")
        lines.addText("X-WR-TIMEZONE", zoneName)
        // A day before and after: a shifted time can land on the next day's first instant.
        let start = calendar.startOfDay(from.adding(days: -1))
        let end = calendar.startOfDay(from.adding(days: days + 1))
        renderTimeZone(into: &lines, from: start, to: end)
        try emit(lines.take())
        let stamp = Self.utc(now)
        let schedule = plannedSchedule
        for offset in 0..<max(days, 0) {
            for event in events(on: from.adding(days: offset), schedule: schedule) {
                lines.add("BEGIN", "VEVENT")
                lines.add("UID", event.uid)
                lines.add("DTSTAMP", stamp)
                if event.inUTC {
                    lines.add("DTSTART", Self.utc(event.occurrence.instant))
                } else {
                    lines.add("DTSTART;TZID=\(Self.parameter(zoneName))", Self.wall(event.occurrence.day, event.occurrence.time))
                }
                lines.add("DURATION", "PT\(Self.eventMinutes)M")
                lines.addText("SUMMARY", event.summary)
                lines.addText("DESCRIPTION", event.description)
                lines.addText("CATEGORIES", event.category)
                lines.add("TRANSP", "TRANSPARENT")
                lines.add("END", "VEVENT")
            }
            try emit(lines.take())
        }
        lines.add("END", "VCALENDAR")
        try emit(lines.take())
    }

    /// One sub-component for the offset in force at `from`, then one per transition up to `to`,
    /// each starting at the transition's local time before it (RFC 5545 §3.6.5).
    private func renderTimeZone(into lines: inout ContentLines, from: Date, to: Date) {
        let zone = calendar.timeZone
        lines.add("BEGIN", "VTIMEZONE")
        lines.add("TZID", zoneName)
        let initial = zone.secondsFromGMT(for: from)
        component(&lines, daylight: zone.isDaylightSavingTime(for: from), at: from, before: initial, after: initial,
                  name: zone.abbreviation(for: from))
        for transition in ZoneTransition.all(in: zone, from: from, to: to) {
            component(&lines, daylight: transition.isDaylightAfter, at: transition.instant,
                      before: transition.offsetBefore, after: transition.offsetAfter,
                      name: zone.abbreviation(for: transition.instant))
        }
        lines.add("END", "VTIMEZONE")
    }

    private func component(
        _ lines: inout ContentLines, daylight: Bool, at instant: Date, before: Int, after: Int, name: String?
    ) {
        let kind = daylight ? "DAYLIGHT" : "STANDARD"
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + before
        lines.add("BEGIN", kind)
        lines.add("DTSTART", Self.wall(seconds: local))
        lines.add("TZOFFSETFROM", Self.offset(before))
        lines.add("TZOFFSETTO", Self.offset(after))
        // ICU names a zone it has no abbreviation for "GMT+1": no name is better than that one.
        if let name, !name.isEmpty, !name.hasPrefix("GMT+"), !name.hasPrefix("GMT-") { lines.addText("TZNAME", name) }
        lines.add("END", kind)
    }

    // MARK: - Value formats (RFC 5545 §3.3)

    static func utc(_ instant: Date) -> String {
        wall(seconds: Int(instant.timeIntervalSince1970.rounded(.down))) + "Z"
    }

    static func wall(_ day: LocalDay, _ time: LocalTime) -> String {
        wall(seconds: day.daysSinceEpoch * 86_400 + time.secondsSinceMidnight)
    }

    static func wall(seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let rest = seconds - days * 86_400
        let day = LocalDay(daysSinceEpoch: days)
        return two(day.year, 4) + two(day.month) + two(day.day) + "T" + two(rest / 3600) + two(rest / 60 % 60) + two(rest % 60)
    }

    /// `+0100`, `-0330`, `+004430` for an offset with seconds.
    static func offset(_ seconds: Int) -> String {
        let magnitude = abs(seconds)
        let text = (seconds < 0 ? "-" : "+") + two(magnitude / 3600) + two(magnitude % 3600 / 60)
        return magnitude % 60 == 0 ? text : text + two(magnitude % 60)
    }

    /// A parameter value, quoted when it holds `:`, `;` or `,` (zone names never do; be safe).
    static func parameter(_ value: String) -> String {
        value.contains(where: { ":;,".contains($0) }) ? "\"\(value)\"" : value
    }

    private static func two(_ n: Int, _ width: Int = 2) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
