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
        let columns = rows.map { $0.cells.count }.max() ?? 0
        let cellWidths = rows.map { $0.cells.map(Self.width) }
        var widths = Array(repeating: 0, count: columns)
        for row in cellWidths {
            for (i, width) in row.enumerated() { widths[i] = max(widths[i], width) }
        }
        let lineWidth = widths.reduce(2 * max(0, columns - 1), +)
        return zip(rows, cellWidths).map { row, cellWidths in
            var line = ""
            line.reserveCapacity(lineWidth)
            for (i, cell) in row.cells.enumerated() {
                if i > 0 { line += "  " }
                line += cell
                if i < row.cells.count - 1, cellWidths[i] < widths[i] {
                    line += String(repeating: " ", count: widths[i] - cellWidths[i])
                }
            }
            while line.last == " " { line.removeLast() }
            return row.style(line)
        }
    }

    /// The characters of `cell`; printable ASCII, one character a byte, needs no grapheme breaking.
    private static func width(_ cell: String) -> Int {
        cell.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? cell.utf8.count : cell.count
    }
}
