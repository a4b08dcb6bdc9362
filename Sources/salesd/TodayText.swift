import SalesContract

/// The human rendering of a `Today` reply: a heading with progress, then the plan with the next action first.
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
        let nextAction = ordered.first(where: \.isOpen)?.action
        var table = TextTable()
        for action in ordered {
            let marker: String
            var style: (String) -> String = { $0 }
            if action.action == nextAction {
                marker = "NEXT"
                if colour { style = Colour.bold }
            } else if action.state == .done {
                marker = "  ✓"
                if colour { style = Colour.dim }
            } else if !action.isOpen {
                marker = "  –"
                if colour { style = Colour.dim }
            } else {
                marker = ""
            }
            table.append([marker, action.time, action.step, action.title, action.tally], style: style)
        }
        lines += table.lines()
        if let nextAction {
            lines.append("")
            lines.append("then: salesd ctl done \(nextAction)")
        }
        return lines
    }
}
