import Foundation
import SalesPlan
import SalesText

/// The human summary of a valid plan for `salesd check-config`: settings, then each step with its actions.
enum PlanSummary {
    static func lines(_ plan: Plan) -> [String] {
        let zone = plan.timeZone ?? TimeZone.current.identifier + " (the system's)"
        var settings = ["time zone \(zone)"]
        if let prompt = plan.morningPrompt { settings.append("morning prompt \(prompt)") }
        if let review = plan.weeklyReview { settings.append("weekly review \(review.day) \(review.at)") }
        settings.append("snooze \(plan.snooze)")
        var lines = [settings.joined(separator: " · ")]
        // One table for all actions, so columns line up across steps; step headings go in between.
        var table = TextTable()
        var groups: [(heading: String, count: Int)] = []
        // Positions, not copies of the actions: a plan may have thousands.
        let actionsOfStep = Dictionary(grouping: plan.actions.indices) { plan.actions[$0].step }
        for (number, step) in plan.steps.enumerated() {
            let actions = actionsOfStep[step.id] ?? []
            let followUp = step.followUp.map { " · follow up after \($0.ideal)d, overdue after \($0.max)d" } ?? ""
            groups.append(("\(number + 1). \(step.name) (\(step.id))\(followUp)", actions.count))
            for action in actions.lazy.map({ plan.actions[$0] }) {
                let dated = action.targets.isEmpty ? "" : action.targets.map { ", ×\($0.target) from \($0.from)" }.joined()
                table.append(["   " + action.id, action.title, "×\(action.target)\(dated)",
                              action.days.map(\.description).joined(separator: ","), times(action)])
            }
        }
        var rows = table.lines()[...]
        for group in groups {
            lines.append("")
            lines.append(group.heading)
            if group.count == 0 { lines.append("   no actions: this step is not running") }
            lines += rows.prefix(group.count)
            rows = rows.dropFirst(group.count)
        }
        if !plan.daysOff.isEmpty {
            lines.append("")
            lines.append("Days off: " + plan.daysOff.map(\.description).joined(separator: ", "))
        }
        return lines
    }

    /// `09:30, 14:00 · every 1h until 17:00`, or `no reminders`.
    static func times(_ action: PlanAction) -> String {
        guard !action.at.isEmpty else { return "no reminders" }
        var text = action.at.map(\.description).joined(separator: ", ")
        if let every = action.repeat {
            text += " · every \(every)" + (action.until.map { " until \($0)" } ?? "")
        }
        return text
    }
}
