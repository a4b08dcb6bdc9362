import SalesContract
import SalesText

/// The human rendering of a `Today` reply: a heading with progress, then the plan with the next action first.
///
/// Each row shows the action's id, the word every other verb takes. Only today has a NEXT; a past
/// day's hint records with `--day`, a future day has none (nothing can be recorded ahead).
enum TodayText {
    static func lines(_ reply: TodayCall.Reply, colour: Bool) -> [String] {
        let day = reply.day
        let actions = reply.actions
        let doneCount = actions.filter { $0.state == .done }.count
        if reply.off {
            return ["\(WireTime.longDay(day)) · day off: no reminders, streak kept"]
        }
        if actions.isEmpty {
            return ["\(WireTime.longDay(day)) · nothing planned"]
        }
        var lines = ["\(WireTime.longDay(day)) · \(doneCount) of \(actions.count) done"]
        // Open actions first, in the daemon's order, so the list reads as a to-do list.
        let rank: [ActionProgress.State: Int] = [.open: 0, .done: 1]
        let ordered = actions.enumerated()
            .sorted { (rank[$0.element.state] ?? 2, $0.offset) < (rank[$1.element.state] ?? 2, $1.offset) }
            .map(\.element)
        let isToday = day == reply.today
        let isPast = day < reply.today
        let nextAction = isToday || isPast ? ordered.first(where: \.isOpen)?.action : nil
        var table = TextTable()
        let paint = Paint(enabled: colour)
        for action in ordered {
            let marker: String
            var style: (String) -> String = { $0 }
            if action.action == nextAction, isToday {
                marker = "NEXT"
                style = paint.bold
            } else if action.state == .done {
                marker = "  ✓"
                style = paint.dim
            } else if !action.isOpen {
                marker = "  –"
                style = paint.dim
            } else {
                marker = ""
            }
            table.append([marker, action.time, action.action, action.title, action.tally], style: style)
        }
        lines += table.lines()
        if let nextAction {
            lines.append("")
            lines.append("then: salesd ctl done \(nextAction)" + (isToday ? "" : " --day \(day)"))
        }
        return lines
    }
}
