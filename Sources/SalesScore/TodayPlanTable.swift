import SalesContract
import SalesPlan

/// Chart (d): today's plan as a table, by reminder time.
struct TodayPlanTable {
    let plan: Plan
    let day: DayScore?

    var html: String {
        guard let day else { return "<p id=\"today-plan\">Today is not on this scoreboard.</p>" }
        if day.status == .off { return "<p id=\"today-plan\">Day off: nothing planned.</p>" }
        let rows = day.actions
            .filter { $0.target > 0 || $0.done > 0 }
            .map { ($0, plan.action(id: $0.action)) }
            .enumerated()
            .sorted { a, b in
                let timeA = a.element.1?.at.min()?.secondsSinceMidnight ?? Int.max
                let timeB = b.element.1?.at.min()?.secondsSinceMidnight ?? Int.max
                return (timeA, a.offset) < (timeB, b.offset)
            }
            .map(\.element)
        guard !rows.isEmpty else { return "<p id=\"today-plan\">Nothing planned today.</p>" }
        var parts = ["<table id=\"today-plan\">", "<thead><tr><th>at</th><th>action</th><th>step</th><th>done</th><th>status</th></tr></thead>", "<tbody>"]
        for (score, action) in rows {
            let at = action?.at.sorted().map(\.description).joined(separator: ", ") ?? ""
            let title = action?.title ?? score.action
            let step = plan.step(id: score.step)?.name ?? score.step
            let status = score.excused ? "skipped" : score.target > 0 && score.met ? "done" : score.target > 0 ? "to do" : "extra"
            parts.append("<tr class=\"\(status == "to do" ? "todo" : status)\"><td>\(at.isEmpty ? "–" : at)</td><td>\(title.htmlEscaped)</td><td>\(step.htmlEscaped)</td><td>\(score.done)/\(score.target)</td><td>\(status)</td></tr>")
        }
        parts.append("</tbody></table>")
        return parts.joined(separator: "\n")
    }
}
