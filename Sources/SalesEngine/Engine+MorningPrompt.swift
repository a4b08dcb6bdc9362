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

    /// Sorts actions without a reminder time after every timed one.
    static let noTime = LocalTime(hour: 23, minute: 59, second: 59)!
}
