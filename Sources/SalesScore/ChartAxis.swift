import SalesContract

/// A vertical axis with labels at zero, half and the maximum.
enum ChartAxis {
    static func left(top: Double, bottom: Double, x: Double, maxLabel: Int, suffix: String) -> String {
        axis(top: top, bottom: bottom, x: x, maxLabel: maxLabel, suffix: suffix, labelX: x - 6, anchor: "end", cssClass: "axis")
    }

    static func right(top: Double, bottom: Double, x: Double, maxLabel: Int) -> String {
        axis(top: top, bottom: bottom, x: x, maxLabel: maxLabel, suffix: "", labelX: x + 6, anchor: "start", cssClass: "axis axis-right")
    }

    private static func axis(
        top: Double, bottom: Double, x: Double, maxLabel: Int, suffix: String, labelX: Double, anchor: String, cssClass: String
    ) -> String {
        let f = SVGNumber.format
        var parts = ["<g class=\"\(cssClass)\"><line x1=\"\(f(x))\" x2=\"\(f(x))\" y1=\"\(f(top))\" y2=\"\(f(bottom))\"/>"]
        let ticks = maxLabel >= 2 ? [0, maxLabel / 2, maxLabel] : [0, maxLabel]
        for tick in ticks {
            let y = bottom - (bottom - top) * Double(tick) / Double(max(1, maxLabel))
            parts.append("<text x=\"\(f(labelX))\" y=\"\(f(y + 4))\" text-anchor=\"\(anchor)\">\(tick)\(suffix)</text>")
        }
        parts.append("</g>")
        return parts.joined()
    }
}
