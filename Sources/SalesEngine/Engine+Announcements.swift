import Foundation
import SalesContract
import SalesPlan
import SalesSchedule
import SalesScore

extension Engine {
    func reminderAnnouncement(_ occurrence: Occurrence, latenessMs: Int) -> Announcement {
        let action = plan.action(id: occurrence.action)!
        let step = plan.step(id: action.step)
        let done = book.doneCount(action.id, on: occurrence.day)
        let late = latenessMs > Engine.lateThresholdMs
        let progress = "\(step?.name ?? action.step) · \(done) of \(action.target(on: occurrence.day)) today"
        return Announcement(
            kind: .reminder, message: "\(action.title) — \(progress)\(Engine.lateText(latenessMs))", priority: .notice,
            day: occurrence.day, action: action.id, step: action.step, title: action.title, done: done,
            target: action.target(on: occurrence.day), scheduled: occurrence.instant, latenessMs: latenessMs, late: late,
            body: progress)
    }

    func morningAnnouncement(_ occurrence: Occurrence, now: Date, latenessMs: Int) -> Announcement {
        let states = self.states(on: occurrence.day, now: now)
        let next = states.first { $0.state == .open }
        var lines: [String] = []
        let message: String
        if let next {
            let why = next.step.why.map { " — \($0)" } ?? ""
            message = "What's the next step? \(next.action.title) (\(next.step.name) · \(next.done) of \(next.target))"
            lines.append("Next: \(next.action.title) (\(next.step.name))\(why)")
        } else {
            message = "What's the next step? Nothing open today: \(states.isEmpty ? "no actions planned" : "all done")"
            lines.append(states.isEmpty ? "Nothing is planned today." : "Everything planned today is done.")
        }
        if !states.isEmpty { lines += morningPlanLines(states, next: next) }
        // The concrete next step leads: the most overdue person first.
        let due = followUpsDue(on: occurrence.day)
        var personal: String?
        var lead = message
        if let first = due.first {
            lead = "What's the next step? " + followUpLine(first, on: occurrence.day, named: plan.journalNames)
                + (due.count > 1 ? " (+\(due.count - 1) more due)" : "") + (next.map { "; then \($0.action.title)" } ?? "")
            personal = due.prefix(5).map { followUpLine($0, on: occurrence.day, named: true) }.joined(separator: "\n")
                + (due.count > 5 ? "\n… and \(due.count - 5) more: salesd ctl people --due" : "")
        }
        var announcement = Announcement(
            kind: .morning, message: lead + Engine.lateText(latenessMs), priority: .notice, day: occurrence.day, action: next?.action.id,
            step: next?.action.step, title: "What's the next step?", done: next?.done, target: next?.target,
            scheduled: occurrence.instant, latenessMs: latenessMs, late: latenessMs > Engine.lateThresholdMs,
            body: lines.joined(separator: "\n"))
        announcement.personal = personal
        announcement.person = due.first?.id
        return announcement
    }

    func reviewAnnouncement(_ occurrence: Occurrence, now: Date, latenessMs: Int) -> Announcement {
        let week = Scoreboard.compute(
            versions: versions, events: recent, today: occurrence.day,
            now: calendar.time(of: now), weeks: 1, weekStart: plan.weekStart
        ).currentWeek
        let lines = week.steps.map { "\($0.name): \($0.done) of \($0.target) (\($0.paceText))" }
        let coverage = week.coverageOfPlanSteps.text
        return Announcement(
            kind: .review,
            message: "Weekly review: \(week.done) of \(week.target) actions; \(coverage)\(Engine.lateText(latenessMs))",
            priority: .notice, day: occurrence.day, title: "Weekly review", count: week.done, target: week.target,
            scheduled: occurrence.instant, latenessMs: latenessMs, late: latenessMs > Engine.lateThresholdMs,
            body: (lines + ["", coverage, "Details: salesd ctl week",
                            "Plan the next week in a terminal: salesd plan-week"]).joined(separator: "\n"))
    }

    func missedAnnouncement(_ occurrences: [Occurrence], today: LocalDay) -> Announcement {
        let titles = occurrences.compactMap { plan.action(id: $0.action)?.title }
        let count = occurrences.count
        return Announcement(
            kind: .missed,
            message: "Missed \(count) reminder\(count == 1 ? "" : "s") today: \(titles.joined(separator: ", "))",
            priority: .notice, day: today, title: "Missed reminders", count: count,
            body: titles.map { "• \($0)" }.joined(separator: "\n"))
    }

    /// ` (late by 5m)` for a firing past the late threshold, else nothing: said once, in the message.
    static func lateText(_ latenessMs: Int) -> String {
        latenessMs > lateThresholdMs ? " (late by \(humanDuration(ms: latenessMs)))" : ""
    }

    static func humanDuration(ms: Int) -> String {
        let s = ms / 1000
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        return "\(s / 3600)h\(s / 60 % 60 > 0 ? "\(s / 60 % 60)m" : "")"
    }
}
