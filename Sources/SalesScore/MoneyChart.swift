import SalesContract
import SalesPlan

/// The results measured in one currency (revenue) over the weeks, on their own axis: counts
/// (clients, proposals) and amounts do not share a scale, so 12000 EUR never flattens a count of 2.
struct MoneyChart {
    let weeks: [WeekScore]
    /// The result kinds in this currency, in the plan's order.
    let kinds: [String]
    let currency: String
    let width = 720.0, height = 200.0
    let left = 72.0, right = 20.0, top = 16.0, bottom = 28.0

    var svg: String {
        let f = SVGNumber.format
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let groupWidth = plotWidth / Double(max(1, weeks.count))
        func x(_ w: Int) -> Double { left + groupWidth * (Double(w) + 0.5) }
        let sums = weeks.flatMap { week in kinds.compactMap { week.result($0)?.sum } }
        let maxValue = max(1, Int((sums.map(abs).max() ?? 1).rounded(.up)))
        func y(_ value: Double) -> Double { top + plotHeight * (1 - max(0, value) / Double(maxValue)) }
        let id = "chart-money-" + currency.lowercased()
        var parts = ["<svg id=\"\(id)\" class=\"chart-money\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"Results in \(currency.htmlEscaped) over the weeks\">"]
        parts.append(ChartAxis.left(top: top, bottom: top + plotHeight, x: left, maxLabel: maxValue, suffix: " " + currency.htmlEscaped))
        for (k, kind) in kinds.enumerated() {
            let colour = CoverageChart.resultPalette[k % CoverageChart.resultPalette.count]
            let points = weeks.enumerated().map { w, week in "\(f(x(w))),\(f(y(week.result(kind)?.sum ?? 0)))" }
            parts.append("<polyline class=\"money-line\" fill=\"none\" stroke=\"\(colour)\" points=\"\(points.joined(separator: " "))\"/>")
            for (w, week) in weeks.enumerated() {
                guard let tally = week.result(kind) else { continue }
                let tip = "week of \(week.weekStart): \(kind) \(NumberText.format(tally.sum)) \(currency)".htmlEscaped
                parts.append("<rect class=\"result-marker\" data-kind=\"\(kind.htmlEscaped)\" x=\"\(f(x(w) - 4))\" y=\"\(f(y(tally.sum) - 4))\" width=\"8\" height=\"8\" transform=\"rotate(45 \(f(x(w))) \(f(y(tally.sum))))\" fill=\"\(colour)\"><title>\(tip)</title></rect>")
            }
        }
        for (w, week) in weeks.enumerated() {
            parts.append("<text class=\"x-label\" x=\"\(f(x(w)))\" y=\"\(f(height - 8))\" text-anchor=\"middle\">\(week.weekStart.dropFirst(5))</text>")
        }
        parts.append("</svg>")
        let legend = kinds.enumerated().map { k, kind in
            "<li><span class=\"swatch diamond\" style=\"background:\(CoverageChart.resultPalette[k % CoverageChart.resultPalette.count])\"></span>\(kind.htmlEscaped) (\(currency.htmlEscaped))</li>"
        }
        parts.append("<ul class=\"legend\">\(legend.joined())</ul>")
        return parts.joined(separator: "\n")
    }

    /// One chart per currency the plan's results use and the weeks recorded, in the plan's order.
    static func charts(weeks: [WeekScore], plan: Plan) -> [MoneyChart] {
        let recorded = Set(weeks.flatMap { $0.results.map(\.kind) })
        var currencies: [String] = []
        var kinds: [String: [String]] = [:]
        for result in plan.results where recorded.contains(result.id) {
            guard case .currency(let code) = result.unit else { continue }
            if kinds[code] == nil { currencies.append(code) }
            kinds[code, default: []].append(result.id)
        }
        return currencies.map { MoneyChart(weeks: weeks, kinds: kinds[$0]!, currency: $0) }
    }
}
