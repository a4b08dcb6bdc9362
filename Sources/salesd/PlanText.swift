import SalesContract
import SalesText

/// The human rendering of a `Plan` reply: one block per day, its actions in time order.
enum PlanText {
    static func lines(_ reply: PlanCall.Reply) -> [String] {
        var lines: [String] = []
        for day in reply.days {
            if !lines.isEmpty { lines.append("") }
            let today = day.day == reply.today ? " (today)" : ""
            let heading = WireTime.longDay(day.day) + today
            if day.off {
                let why = day.offBy == "config" ? "in the config's daysOff"
                    : "salesd ctl off" + (day.offReason.map { ": \"" + $0 + "\"" } ?? "")
                lines.append("\(heading) · day off (\(why)); no reminders")
                continue
            }
            if day.actions.isEmpty {
                lines.append("\(heading) · nothing planned")
                continue
            }
            let count = day.actions.count
            lines.append("\(heading) · \(count) action\(count == 1 ? "" : "s")")
            var table = TextTable()
            for action in day.actions {
                table.append(["  " + (action.at.isEmpty ? "any time" : action.at.joined(separator: ",")),
                              action.action, action.step, "×\(action.target)", repeats(action), action.title])
            }
            lines += table.lines()
        }
        return lines
    }

    /// `every 1h until 17:00`, `every 2h`, or nothing.
    static func repeats(_ action: PlannedAction) -> String {
        guard let every = action.repeat else { return "" }
        return "every \(every)" + (action.until.map { " until " + $0 } ?? "")
    }
}
