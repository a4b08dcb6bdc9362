import Foundation
import SalesPlan
import SalesSchedule

extension Engine {
    /// Whether today's morning prompt, due longer ago than the grace window, still helps: some of
    /// today's plan is still ahead (a reminder still to come for an action not yet settled). A
    /// laptop opened at 08:51 for an 08:00 prompt shows it once, late, rather than recording it
    /// missed; opened after the day's last reminder, it is recorded missed as before.
    func lateMorningPromptStillHelps(_ occurrence: Occurrence, today: LocalDay, now: Date) -> Bool {
        guard occurrence.kind == .morning, occurrence.day == today else { return false }
        return schedule.occurrences(on: today, after: now, skipping: isMootAllDay).contains { $0.kind == .action && !isMoot($0) }
    }

    /// The morning prompt's body: today's actions in time order, each marked done (✓), excused
    /// (–) or open, then the command that records the next one.
    func morningPlanLines(_ states: [ActionState], next: ActionState?) -> [String] {
        let ordered = states.enumerated().sorted {
            ($0.element.action.at.first ?? Engine.noTime, $0.offset) < ($1.element.action.at.first ?? Engine.noTime, $1.offset)
        }.map(\.element)
        var lines = ["", "Today:"]
        for s in ordered {
            let mark = switch s.state {
            case .done: "✓ "
            case .skipped, .off: "– "
            case .open: "  "
            }
            let time = s.action.at.first.map { "\($0) " } ?? ""
            lines.append("\(mark)\(time)\(s.action.title) \(s.done)/\(s.target)")
        }
        if let next { lines += ["", "then: salesd ctl done \(next.action.id)"] }
        return lines
    }

    /// The people due or overdue for a follow-up on `day`, most urgent first.
    func followUpsDue(on day: LocalDay) -> [Person] {
        people.byUrgency(plan: plan, today: day).filter { $0.state(in: plan, today: day) != .ok }
    }

    /// `Follow up with Dana Kim — Invite, 6 days, overdue: send the case study`; with
    /// `named: false` the person is `#3` and the next step (which may name someone) is left out.
    func followUpLine(_ person: Person, on day: LocalDay, named: Bool) -> String {
        let step = plan.step(id: person.step)?.name ?? person.step
        let days = person.daysSinceTouch(today: day)
        let who = named ? person.label : "#\(person.id)"
        let next = named ? person.next.map { ": \($0)" } ?? "" : ""
        return "Follow up with \(who) — \(step), \(days) day\(days == 1 ? "" : "s"), \(person.state(in: plan, today: day).rawValue)\(next)"
    }

    /// Puts the people as the ledger has them now in force (at start and after each person event).
    public mutating func setPeople(_ book: PersonBook) { people = book }

    /// Sorts actions without a reminder time after every timed one.
    static let noTime = LocalTime(hour: 23, minute: 59, second: 59)!
}

extension Engine {
    /// The follow-ups reminders due after `start` up to `now`: one per step with people due, at
    /// the first reminder time of the step's first action that day. Worked out from the plan,
    /// not from the schedule's occurrences, so a done or skipped first action still brings it.
    func followUpOccurrences(from start: Date, through now: Date) -> [Occurrence] {
        guard !people.people.isEmpty else { return [] }
        var made: [Occurrence] = []
        var day = calendar.day(of: start)
        let last = calendar.day(of: now)
        while day <= last {
            let due = Set(followUpsDue(on: day).map(\.step))
            for step in plan.steps where due.contains(step.id) {
                guard let action = firstAction(of: step.id, on: day), let time = action.at.first,
                      let resolved = calendar.resolve(time, on: day),
                      resolved.instant > start, resolved.instant <= now.addingTimeInterval(0.001) else { continue }
                made.append(Occurrence(kind: .followUps, action: Occurrence.followUpsPrefix + step.id, day: day,
                                       time: time, instant: resolved.instant, shifted: resolved.shifted))
            }
            day = day.adding(days: 1)
        }
        return made
    }

    /// The step's action planned first on `day` (earliest first reminder time, then plan order).
    func firstAction(of step: String, on day: LocalDay) -> PlanAction? {
        plan.actions(on: day).enumerated().filter { $0.element.step == step && !$0.element.at.isEmpty }
            .min { ($0.element.at[0], $0.offset) < ($1.element.at[0], $1.offset) }?.element
    }

    /// "Follow-ups due at Invite: 2 people" (by id in the message; names in ``Announcement/personal``),
    /// naming once a person who crossed the step's max today.
    func followUpsAnnouncement(_ occurrence: Occurrence, latenessMs: Int) -> Announcement {
        let stepID = String(occurrence.action.dropFirst(Occurrence.followUpsPrefix.count))
        let step = plan.step(id: stepID)
        let due = followUpsDue(on: occurrence.day).filter { $0.step == stepID }
        // Crossed max since the step's previous follow-ups time (a weekend without its action
        // included), so each crossing is named once.
        let previous = (1...14).lazy.map { occurrence.day.adding(days: -$0) }
            .first { self.firstAction(of: stepID, on: $0) != nil } ?? occurrence.day.adding(days: -15)
        let crossed = due.filter { person in
            guard let max = step?.followUp?.max else { return false }
            let crossing = person.lastTouchDay.adding(days: max + 1)
            return crossing > previous && crossing <= occurrence.day
        }
        let named = plan.journalNames
        let who = due.map { named ? $0.label : "#\($0.id)" }.joined(separator: ", ")
        var message = "Follow-ups due at \(step?.name ?? stepID): \(due.count) \(due.count == 1 ? "person" : "people") (\(who))"
        if !crossed.isEmpty {
            message += "; now overdue: " + crossed.map { named ? $0.label : "#\($0.id)" }.joined(separator: ", ")
        }
        var personal = due.map { followUpLine($0, on: occurrence.day, named: true) }
        if !crossed.isEmpty { personal.append("Now overdue: " + crossed.map(\.label).joined(separator: ", ")) }
        var announcement = Announcement(
            kind: .followUps, message: message + Engine.lateText(latenessMs), priority: .notice, day: occurrence.day,
            action: occurrence.action, step: stepID, title: "Follow-ups due: \(step?.name ?? stepID)", count: due.count,
            scheduled: occurrence.instant, latenessMs: latenessMs, late: latenessMs > Engine.lateThresholdMs,
            body: "then: salesd ctl touch PERSON (or salesd ctl people --due)")
        announcement.personal = personal.joined(separator: "\n")
        announcement.person = due.first?.id
        announcement.personName = due.first?.label
        return announcement
    }
}
