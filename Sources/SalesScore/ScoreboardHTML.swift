import SalesContract
import SalesPlan

/// The scoreboard as one self-contained HTML page: inline CSS and SVG, no scripts, no network.
public enum ScoreboardHTML {
    /// Renders the page for `salesd report --html`.
    ///
    /// The page holds `<svg id="chart-steps">` (actions per step per week against target, target
    /// marks `class="target-mark"`), `<svg id="chart-coverage">` (coverage line `class="coverage-line"`
    /// with counted results as `class="result-marker"` on a second axis), one `<svg class="chart-money">`
    /// per currency of the plan's results (amounts on their own axis) and `<table id="today-plan">`.
    /// - Parameters:
    ///   - scoreboard: the weeks to chart.
    ///   - plan: the plan in force today (titles and times of today's actions).
    ///   - today: the day whose plan is listed.
    ///   - pipeline: the people per step (`<svg id="chart-pipeline">`, counts only) and
    ///     `<table id="lead-to-lag">`; nil or without people leaves the section out.
    public static func render(_ scoreboard: Scoreboard, plan: Plan, today: LocalDay,
                              pipeline: PipelineCall.Reply? = nil) -> String {
        let week = scoreboard.currentWeek
        let todayScore = scoreboard.weeks.flatMap(\.days).first { $0.day == today.description }
        let results = week.results.isEmpty
            ? "results: none recorded this week"
            : "results: " + week.results.map(ScoreboardText.resultText).joined(separator: " · ")
        let paces = week.steps.map {
            "<li><strong>\($0.name.htmlEscaped)</strong> \($0.done)/\($0.target) · \($0.paceText)</li>"
        }
        let plainText = ScoreboardText.render(scoreboard, color: false, width: 100)
        let money = MoneyChart.charts(weeks: scoreboard.weeks, plan: plan)
        let moneySection = money.map { "<h2>Results in \($0.currency.htmlEscaped)</h2>\n" + $0.svg }.joined(separator: "\n")
        var pipelineSection = ""
        if let pipeline, pipeline.steps.contains(where: { $0.count > 0 || $0.entered > 0 }) {
            let chart = PipelineChart(pipeline: pipeline)
            pipelineSection = "<h2>Pipeline</h2>\n" + chart.svg + "\n<h2>Lead to lag: touches per client won, last \(pipeline.leadToLagWeeks) weeks</h2>\n"
                + chart.leadToLagTable
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Sales scoreboard · week of \(week.weekStart)</title>
        <style>\(style)</style>
        </head>
        <body>
        <h1>Sales scoreboard</h1>
        <p class="summary">week of \(week.weekStart) · today \(scoreboard.today) \(scoreboard.now)</p>
        <p class="coverage"><strong>\(week.coverageOfPlanSteps.text.htmlEscaped)</strong></p>
        <p class="streak">\(scoreboard.streak.text.htmlEscaped)</p>
        <ul class="paces">\(paces.joined())</ul>
        <p class="results">\(results.htmlEscaped)</p>
        <h2>Actions per step per week, against target</h2>
        \(StepsChart(weeks: scoreboard.weeks).svg)
        <h2>Process coverage and results</h2>
        \(CoverageChart(weeks: scoreboard.weeks, excluded: Set(money.flatMap(\.kinds))).svg)
        \(moneySection)
        \(pipelineSection)
        <h2>Today's plan</h2>
        \(TodayPlanTable(plan: plan, day: todayScore).html)
        <details><summary>As text</summary><pre id="scoreboard-text">\(plainText.htmlEscaped)</pre></details>
        </body>
        </html>

        """
    }

    private static let style = """
    body{font-family:system-ui,sans-serif;max-width:760px;margin:2em auto;padding:0 1em;color:#222}
    svg{width:100%;height:auto;font-size:11px}
    .axis line,.target-mark{stroke:#222;stroke-width:1.5}
    .axis text,.x-label{fill:#555}
    .coverage-line{stroke:#2b7bb9;stroke-width:2}
    .coverage-point{fill:#2b7bb9}
    .result-label{fill:#555;font-size:10px}
    .legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1em;font-size:0.9em}
    .swatch{display:inline-block;width:0.9em;height:0.9em;margin-right:0.3em;vertical-align:middle}
    .swatch.target{height:2px;background:#222}
    .swatch.line{height:2px;background:#2b7bb9}
    .swatch.diamond{transform:rotate(45deg);width:0.6em;height:0.6em}
    table{border-collapse:collapse;width:100%}
    th,td{text-align:left;padding:0.3em 0.6em;border-bottom:1px solid #ddd}
    tr.done td,tr.skipped td{color:#888}
    """
}
