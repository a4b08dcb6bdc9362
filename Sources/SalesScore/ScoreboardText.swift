import SalesContract
import SalesPlan
import SalesText

/// The scoreboard for a terminal: one bar per step, coverage, streak, results, and the weeks side by side.
public enum ScoreboardText {
    /// Renders the scoreboard as lines of text ending in a newline.
    ///
    /// - Parameters:
    ///   - scoreboard: what to show.
    ///   - color: emit ANSI colours; the caller decides (a TTY and no `NO_COLOR`).
    ///   - width: the terminal width; bars shrink and older weeks drop out to fit.
    public static func render(_ scoreboard: Scoreboard, color: Bool, width: Int = 80) -> String {
        let paint = Paint(enabled: color)
        let week = scoreboard.currentWeek
        var lines: [String] = []
        lines.append("week of \(week.weekStart) · today \(scoreboard.today) \(scoreboard.now)")
        lines.append(paint.bold(week.coverageOfPlanSteps.text))
        lines.append(scoreboard.streak.text + " · " + scoreboard.streak.weeksText)
        lines.append("")
        lines += stepLines(week, paint: paint, width: width)
        lines.append("")
        lines.append(resultsLine(week.results))
        if scoreboard.weeks.count > 1 {
            lines.append("")
            lines += historyTable(scoreboard.weeks, width: width)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func stepLines(_ week: WeekScore, paint: Paint, width: Int) -> [String] {
        guard !week.steps.isEmpty else { return ["no steps in the plan"] }
        let labelWidth = week.steps.map(\.name.count).max() ?? 0
        let counts = week.steps.map { "\($0.done)/\($0.target)" }
        let countWidth = counts.map(\.count).max() ?? 0
        let paces = week.steps.map { step in step.paceText + (step.safeDaysText.map { " · " + $0 } ?? "") }
        let paceWidth = paces.map(\.count).max() ?? 0
        let barWidth = min(20, max(5, width - labelWidth - countWidth - paceWidth - 6))
        return zip(zip(week.steps, counts), paces).map { pair, pace in
            let (step, count) = pair
            let filled = filledCells(done: step.done, target: step.target, width: barWidth)
            let tone: Paint.Tone = step.pace < 0 ? .behind : .onPace
            let bar = paint.color(String(repeating: "█", count: filled), tone)
                + paint.dim(String(repeating: "░", count: barWidth - filled))
            return "\(step.name.padding(to: labelWidth))  \(bar)  \(count.padding(leftTo: countWidth))  "
                + paint.color(pace, tone)
        }
    }

    private static func filledCells(done: Int, target: Int, width: Int) -> Int {
        guard target > 0 else { return done > 0 ? width : 0 }
        return (min(done, target) * width * 2 + target) / (target * 2)
    }

    private static func resultsLine(_ results: [ResultTally]) -> String {
        guard !results.isEmpty else { return "results: none recorded this week" }
        return "results: " + results.map(resultText).joined(separator: " · ")
    }

    static func resultText(_ tally: ResultTally) -> String {
        tally.sum == Double(tally.count)
            ? "\(tally.kind) \(tally.count)"
            : "\(tally.kind) \(tally.count) (total \(NumberText.format(tally.sum)))"
    }

    /// The weeks side by side; when they do not fit the width, several tables one under the
    /// other, oldest first, so every week asked for is shown.
    private static func historyTable(_ allWeeks: [WeekScore], width: Int) -> [String] {
        if HistoryTable(weeks: allWeeks).width <= width { return HistoryTable(weeks: allWeeks).lines }
        var blocks: [[String]] = []
        var start = 0
        while start < allWeeks.count {
            let block = { (end: Int) in
                HistoryTable(weeks: Array(allWeeks[start..<end]), title: "weeks \(start + 1)–\(end) of \(allWeeks.count)")
            }
            var end = allWeeks.count
            // The widest run of weeks from `start` that fits (at least one week).
            while end - start > 1, block(end).width > width { end -= 1 }
            blocks.append(block(end).lines)
            start = end
        }
        return Array(blocks.joined(separator: [""]))
    }
}
