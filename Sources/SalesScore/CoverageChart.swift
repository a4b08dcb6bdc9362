import SalesContract
import SalesPlan

/// Charts (b) and (c): process coverage over the weeks as a line, with the lag results as markers on a second axis.
struct CoverageChart {
    let weeks: [WeekScore]
    /// Result kinds charted elsewhere (amounts of money, on their own axis).
    var excluded: Set<String> = []
    let width = 720.0, height = 240.0
    let left = 44.0, right = 44.0, top = 16.0, bottom = 28.0

    static let resultPalette = ["#c0392b", "#8e44ad", "#d35400", "#27ae60", "#2c3e50"]

    var svg: String {
        let f = SVGNumber.format
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let groupWidth = plotWidth / Double(max(1, weeks.count))
        func x(_ w: Int) -> Double { left + groupWidth * (Double(w) + 0.5) }
        func y(percent: Int) -> Double { top + plotHeight * (1 - Double(percent) / 100) }
        let kinds = Set(weeks.flatMap { $0.results.map(\.kind) }).subtracting(excluded).sorted()
        let sums = weeks.flatMap { $0.results.filter { !excluded.contains($0.kind) }.map(\.sum) }
        let maxResult = max(1, Int((sums.max() ?? 1).rounded(.up)))
        func y(result: Double) -> Double { top + plotHeight * (1 - result / Double(maxResult)) }

        var parts: [String] = []
        parts.append("<svg id=\"chart-coverage\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"Process coverage over the weeks, with results\">")
        parts.append(ChartAxis.left(top: top, bottom: top + plotHeight, x: left, maxLabel: 100, suffix: "%"))
        if !kinds.isEmpty {
            parts.append(ChartAxis.right(top: top, bottom: top + plotHeight, x: width - right, maxLabel: maxResult))
        }
        let points = weeks.enumerated().map { w, week in "\(f(x(w))),\(f(y(percent: week.coverageOfPlanSteps.percent)))" }
        parts.append("<polyline class=\"coverage-line\" fill=\"none\" points=\"\(points.joined(separator: " "))\"/>")
        for (w, week) in weeks.enumerated() {
            let coverage = week.coverageOfPlanSteps
            parts.append("<circle class=\"coverage-point\" cx=\"\(f(x(w)))\" cy=\"\(f(y(percent: coverage.percent)))\" r=\"4\"><title>week of \(week.weekStart): \(coverage.text.htmlEscaped)</title></circle>")
            for (k, kind) in kinds.enumerated() {
                guard let tally = week.result(kind) else { continue }
                let markerX = x(w) + (Double(k) - Double(kinds.count - 1) / 2) * 10
                let markerY = y(result: tally.sum)
                let tip = "week of \(week.weekStart): \(ScoreboardText.resultText(tally))".htmlEscaped
                parts.append("<rect class=\"result-marker\" data-kind=\"\(kind.htmlEscaped)\" x=\"\(f(markerX - 4))\" y=\"\(f(markerY - 4))\" width=\"8\" height=\"8\" transform=\"rotate(45 \(f(markerX)) \(f(markerY)))\" fill=\"\(CoverageChart.resultPalette[k % CoverageChart.resultPalette.count])\"><title>\(tip)</title></rect>")
                // One right axis serves every kind, so small counts beside large sums need their value written out.
                parts.append("<text class=\"result-label\" x=\"\(f(markerX + 7))\" y=\"\(f(markerY + 4))\">\(NumberText.format(tally.sum))</text>")
            }
            parts.append("<text class=\"x-label\" x=\"\(f(x(w)))\" y=\"\(f(height - 8))\" text-anchor=\"middle\">\(week.weekStart.dropFirst(5))</text>")
        }
        parts.append("</svg>")
        let legend = kinds.enumerated().map { k, kind in
            "<li><span class=\"swatch diamond\" style=\"background:\(CoverageChart.resultPalette[k % CoverageChart.resultPalette.count])\"></span>\(kind.htmlEscaped) (right axis)</li>"
        }
        parts.append("<ul class=\"legend\"><li><span class=\"swatch line\"></span>process coverage (left axis)</li>\(legend.joined())</ul>")
        return parts.joined(separator: "\n")
    }
}
