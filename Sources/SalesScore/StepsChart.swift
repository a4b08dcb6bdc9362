import SalesContract

/// Chart (a): actions done per step per week as grouped bars, each with a mark at its target.
struct StepsChart {
    let weeks: [WeekScore]
    let width = 720.0, height = 260.0
    let left = 44.0, right = 16.0, top = 16.0, bottom = 28.0

    static let palette = ["#2b7bb9", "#e07b39", "#3aa35b", "#9b59b6", "#c0392b", "#16a085", "#7f8c8d", "#d4ac0d"]

    static func color(_ index: Int) -> String { palette[index % palette.count] }

    var svg: String {
        let columns = StepColumns.of(weeks)
        let maxY = Double(max(1, weeks.flatMap(\.steps).map { max($0.done, $0.target) }.max() ?? 1))
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let groupWidth = plotWidth / Double(max(1, weeks.count))
        let barWidth = groupWidth * 0.8 / Double(max(1, columns.count))
        func y(_ value: Int) -> Double { top + plotHeight * (1 - Double(value) / maxY) }
        let f = SVGNumber.format

        var parts: [String] = []
        parts.append("<svg id=\"chart-steps\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"Actions per step per week against target\">")
        parts.append(ChartAxis.left(top: top, bottom: top + plotHeight, x: left, maxLabel: Int(maxY), suffix: ""))
        for (w, week) in weeks.enumerated() {
            let groupX = left + Double(w) * groupWidth
            for (s, column) in columns.enumerated() {
                guard let step = week.step(column.id) else { continue }
                let x = groupX + groupWidth * 0.1 + Double(s) * barWidth
                let tip = "\(step.name), week of \(week.weekStart): \(step.done) of \(step.target)".htmlEscaped
                parts.append("<rect class=\"bar\" data-step=\"\(step.step.htmlEscaped)\" data-week=\"\(week.weekStart)\" x=\"\(f(x))\" y=\"\(f(y(step.done)))\" width=\"\(f(barWidth * 0.9))\" height=\"\(f(top + plotHeight - y(step.done)))\" fill=\"\(StepsChart.color(s))\"><title>\(tip)</title></rect>")
                if step.target > 0 {
                    parts.append("<line class=\"target-mark\" data-step=\"\(step.step.htmlEscaped)\" x1=\"\(f(x - 1))\" x2=\"\(f(x + barWidth * 0.9 + 1))\" y1=\"\(f(y(step.target)))\" y2=\"\(f(y(step.target)))\"><title>target \(step.target)</title></line>")
                }
            }
            parts.append("<text class=\"x-label\" x=\"\(f(groupX + groupWidth / 2))\" y=\"\(f(height - 8))\" text-anchor=\"middle\">\(week.weekStart.dropFirst(5))</text>")
        }
        parts.append("</svg>")
        let legend = columns.enumerated().map { s, column in
            "<li><span class=\"swatch\" style=\"background:\(StepsChart.color(s))\"></span>\(column.name.htmlEscaped)</li>"
        }
        parts.append("<ul class=\"legend\">\(legend.joined())<li><span class=\"swatch target\"></span>target</li></ul>")
        return parts.joined(separator: "\n")
    }
}
