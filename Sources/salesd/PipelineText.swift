import SalesContract
import SalesPlan

/// `salesd ctl pipeline` for people: the steps side by side across the terminal, the people
/// under each with their state, then the conversion to the next step and the median stay.
enum PipelineText {
    static func render(_ reply: PipelineCall.Reply, width: Int) -> String {
        var out = ["Pipeline on \(reply.today) · conversion over \(reply.weeks) week\(reply.weeks == 1 ? "" : "s") from \(reply.from)", ""]
        let steps = reply.steps
        guard !steps.isEmpty else { return out.joined(separator: "\n") + "\n" }
        let gap = 2
        // As many columns as fit at 14 characters or more; the rest in blocks below.
        let perBlock = max(1, min(steps.count, (width + gap) / (14 + gap)))
        let column = max(14, (width - gap * (perBlock - 1)) / perBlock)
        var start = 0
        while start < steps.count {
            let block = Array(steps[start..<min(steps.count, start + perBlock)])
            var columns: [[String]] = block.enumerated().map { offset, step in
                let to = start + offset + 1 < steps.count ? steps[start + offset + 1].name : "won"
                var lines = ["\(step.name) (\(step.count))", String(repeating: "─", count: column)]
                let conversion = step.conversion.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
                lines.append("→ \(to): \(conversion) (\(step.advanced)/\(step.entered))")
                lines.append("median " + (step.medianDays.map { "\(NumberText.format($0))d" } ?? "–"))
                lines.append("")
                for person in step.people {
                    let mark = person.state == "overdue" ? "!" : person.state == "due" ? "•" : " "
                    let days = " \(person.daysSinceTouch)d"
                    let room = column - 2 - days.count
                    lines.append(mark + " " + pad(clip(person.label, room), room) + days)
                }
                if step.people.isEmpty { lines.append("  (nobody)") }
                return lines
            }
            let height = columns.map(\.count).max() ?? 0
            for i in columns.indices { columns[i] += Array(repeating: "", count: height - columns[i].count) }
            for row in 0..<height {
                let line = columns.map { pad(clip($0[row], column), column) }
                    .joined(separator: String(repeating: " ", count: gap))
                out.append(String(line.reversed().drop { $0 == " " }.reversed()))
            }
            out.append("")
            start += perBlock
        }
        out.append("! overdue  • due  (days since the last touch)")
        let lag = reply.leadToLag.map { step in
            "\(step.name) \(step.touchesPerClient.map { NumberText.format(($0 * 10).rounded() / 10) } ?? "–")"
        }
        if !lag.isEmpty {
            // Wrapped at the width, one step never split.
            var line = "Touches per client won (\(reply.leadToLagWeeks) weeks, \(reply.leadToLag[0].won) won):"
            for item in lag {
                if line.count + 1 + item.count > width, !line.hasSuffix(":") {
                    out.append(line)
                    line = "  " + item
                } else {
                    line += (line.hasSuffix(":") ? " " : " · ") + item
                }
            }
            out.append(line)
        }
        out.append("Won \(reply.won), lost \(reply.lost) since \(reply.from).")
        return out.joined(separator: "\n") + "\n"
    }
}

/// `text` followed by spaces up to `width` characters.
private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

/// `text` cut to `width` characters, with an ellipsis when cut.
private func clip(_ text: String, _ width: Int) -> String {
    guard text.count > width else { return text }
    return width <= 1 ? String(text.prefix(max(0, width))) : String(text.prefix(width - 1)) + "…"
}
