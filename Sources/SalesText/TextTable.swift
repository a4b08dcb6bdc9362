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
        // Lines are put together as UTF-8 bytes: a plan summary has a row per action, and
        // String appends and padding strings cost more than the layout itself.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lineWidth)
        return zip(rows, cellWidths).map { row, cellWidths in
            bytes.removeAll(keepingCapacity: true)
            for (i, var cell) in row.cells.enumerated() {
                if i > 0 { bytes.append(contentsOf: repeatElement(0x20, count: 2)) }
                // In one piece: a short cell's view hands out its bytes one at a time.
                cell.withUTF8 { bytes.append(contentsOf: $0) }
                if i < row.cells.count - 1, cellWidths[i] < widths[i] {
                    bytes.append(contentsOf: repeatElement(0x20, count: widths[i] - cellWidths[i]))
                }
            }
            // A space after an ASCII byte is a character of its own; after anything else it may
            // belong to the character before (a prepended mark), which only String can tell.
            while bytes.last == 0x20, bytes.count == 1 || bytes[bytes.count - 2] < 0x80 { bytes.removeLast() }
            var line = String(decoding: bytes, as: UTF8.self)
            while line.last == " " { line.removeLast() }
            return row.style(line)
        }
    }

    /// The characters of `cell`; printable ASCII, one character a byte, needs no grapheme breaking.
    private static func width(_ cell: String) -> Int {
        var cell = cell
        return cell.withUTF8 { $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F } } ? cell.utf8.count : cell.count
    }
}
