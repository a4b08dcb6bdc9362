import SalesContract
import SalesPlan
import SalesText

/// The last weeks side by side: one row per step, coverage, adherence and each result kind.
struct HistoryTable {
    var header: [String]
    var rows: [(label: String, cells: [String])]

    /// - Parameter title: the top-left cell; default `last N weeks`.
    init(weeks: [WeekScore], title: String? = nil) {
        header = weeks.map { String($0.weekStart.dropFirst(5)) }
        rows = StepColumns.of(weeks).map { column in
            (column.name, weeks.map { week in week.step(column.id).map { "\($0.done)/\($0.target)" } ?? "–" })
        }
        // A week with nothing on the board (before the first plan was recorded) has no coverage to show.
        rows.append(("coverage", weeks.map { $0.steps.isEmpty ? "–" : "\($0.coverageOfPlanSteps.percent)%" }))
        rows.append(("adherence", weeks.map { $0.adherencePercent.map { "\($0)%" } ?? "–" }))
        let kinds = Set(weeks.flatMap { $0.results.map(\.kind) }).sorted()
        for kind in kinds {
            rows.append((kind, weeks.map { NumberText.format($0.result(kind)?.sum ?? 0) }))
        }
        rows.insert((title ?? "last \(weeks.count) weeks", header), at: 0)
    }

    private var labelWidth: Int { rows.map(\.label.count).max() ?? 0 }

    private var columnWidths: [Int] {
        header.indices.map { column in rows.map { $0.cells[column].count }.max() ?? 0 }
    }

    var width: Int { labelWidth + columnWidths.reduce(0) { $0 + 2 + $1 } }

    var lines: [String] {
        let widths = columnWidths
        return rows.map { row in
            row.label.padding(to: labelWidth) + zip(row.cells, widths).map { "  " + $0.padding(leftTo: $1) }.joined()
        }
    }
}
