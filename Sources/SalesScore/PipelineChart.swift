import SalesPlan
import SalesContract

/// The pipeline across the page: a box per step with the people there now (how many due and
/// overdue), and between boxes the conversion to the next step and the median days spent.
/// Counts only: the report names nobody.
struct PipelineChart {
    let pipeline: PipelineCall.Reply
    let width = 720.0, height = 150.0

    var svg: String {
        let steps = pipeline.steps
        let f = SVGNumber.format
        let arrow = 34.0
        let boxWidth = (width - arrow * Double(max(0, steps.count))) / Double(max(1, steps.count))
        var parts = ["<svg id=\"chart-pipeline\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"The pipeline: people per step and conversion between steps\">"]
        for (k, step) in steps.enumerated() {
            let x = Double(k) * (boxWidth + arrow)
            let overdue = step.people.filter { $0.state == "overdue" }.count
            let due = step.people.filter { $0.state == "due" }.count
            let fill = overdue > 0 ? "#fbe3e1" : due > 0 ? "#fdf3d7" : "#e8f1f8"
            parts.append("<g class=\"pipeline-step\" data-step=\"\(step.step.htmlEscaped)\" data-count=\"\(step.count)\" data-due=\"\(due)\" data-overdue=\"\(overdue)\">")
            parts.append("<rect x=\"\(f(x))\" y=\"20\" width=\"\(f(boxWidth))\" height=\"80\" rx=\"6\" fill=\"\(fill)\" stroke=\"#2b7bb9\"/>")
            parts.append("<text x=\"\(f(x + boxWidth / 2))\" y=\"42\" text-anchor=\"middle\" font-weight=\"bold\">\(step.name.htmlEscaped)</text>")
            parts.append("<text class=\"pipeline-count\" x=\"\(f(x + boxWidth / 2))\" y=\"68\" text-anchor=\"middle\" font-size=\"20\">\(step.count)</text>")
            parts.append("<text x=\"\(f(x + boxWidth / 2))\" y=\"90\" text-anchor=\"middle\">\(overdue) overdue · \(due) due</text>")
            parts.append("</g>")
            let conversion = step.conversion.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
            let median = step.medianDays.map { "\(NumberText.format($0))d" } ?? "–"
            let ax = x + boxWidth
            parts.append("<g class=\"pipeline-conversion\" data-step=\"\(step.step.htmlEscaped)\" data-entered=\"\(step.entered)\" data-advanced=\"\(step.advanced)\">")
            parts.append("<line x1=\"\(f(ax + 4))\" x2=\"\(f(ax + arrow - 6))\" y1=\"60\" y2=\"60\" stroke=\"#222\" stroke-width=\"1.5\"/>")
            parts.append("<polygon points=\"\(f(ax + arrow - 6)),56 \(f(ax + arrow - 1)),60 \(f(ax + arrow - 6)),64\" fill=\"#222\"/>")
            parts.append("<text x=\"\(f(ax + arrow / 2))\" y=\"52\" text-anchor=\"middle\" font-size=\"10\">\(conversion)</text>")
            parts.append("<text x=\"\(f(ax + arrow / 2))\" y=\"78\" text-anchor=\"middle\" font-size=\"10\">\(median)</text>")
            parts.append("<title>\(step.name.htmlEscaped): \(step.advanced) of \(step.entered) who entered went on; median \(median)</title>")
            parts.append("</g>")
        }
        parts.append("<text x=\"0\" y=\"125\" class=\"x-label\">arrows: conversion to the next step (the last: won) and median days in the step, over \(pipeline.weeks) week\(pipeline.weeks == 1 ? "" : "s") from \(pipeline.from)</text>")
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// Touches per client won, per step.
    var leadToLagTable: String {
        let rows = pipeline.leadToLag.map { step in
            "<tr><td>\(step.name.htmlEscaped)</td><td>\(step.touches)</td><td>\(step.won)</td><td>\(step.touchesPerClient.map { NumberText.format(($0 * 10).rounded() / 10) } ?? "–")</td></tr>"
        }
        return "<table id=\"lead-to-lag\"><tr><th>Step</th><th>Touches</th><th>Clients won</th><th>Touches per client</th></tr>"
            + rows.joined() + "</table>"
    }
}
