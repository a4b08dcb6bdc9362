/// Rows of cells laid out in columns as wide as their widest cell, separated by two spaces.
///
/// The last column is not padded, so lines carry no trailing blanks. `style` wraps a finished line
/// (e.g. in bold) after the widths are computed, so escape codes never skew the alignment.
public struct TextTable {
    private var rows: [(cells: [String], style: (String) -> String)] = []

    public init() {}

    public mutating func append(_ cells: [String], style: @escaping (String) -> String = { $0 }) {
        rows.append((cells, style))
    }

    public func lines() -> [String] {
        let columns = rows.map(\.cells.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.cells.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        return rows.map { row in
            var line = ""
            for (i, cell) in row.cells.enumerated() {
                if i > 0 { line += "  " }
                line += i == row.cells.count - 1 ? cell : cell.padding(to: widths[i])
            }
            while line.last == " " { line.removeLast() }
            return row.style(line)
        }
    }
}
