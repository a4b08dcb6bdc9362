import Foundation
import SalesContract
import SalesPlan

/// The ledger's export formats: CSV (RFC 4180, one event per row, the header names the columns)
/// and JSON Lines (one object per event). Both carry every field, so an export re-imported into
/// an empty ledger gives the same scoreboard.
public enum EventExport {
    public static let columns = [
        "id", "kind", "at", "day", "action", "count", "note", "slot", "scheduled", "lateness_ms", "until",
        "ref", "result_kind", "value", "source", "payload",
    ]

    public static func csvHeader() -> String { columns.joined(separator: ",") }

    public static func csvRow(_ e: Event) -> String {
        fields(e).map { value in
            guard let value else { return "" }
            let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }.joined(separator: ",")
    }

    public static func jsonLine(_ e: Event) -> String {
        var object: [String: Any] = [:]
        let numeric: Set<String> = ["id", "count", "lateness_ms", "ref", "value"]
        for (column, value) in zip(columns, fields(e)) {
            guard let value else { continue }
            if numeric.contains(column), let whole = Int64(value) {
                object[column] = whole
            } else if numeric.contains(column), let number = Double(value) {
                object[column] = number
            } else {
                object[column] = value
            }
        }
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads an export back: JSON Lines when the first character is `{`, else CSV.
    public static func parse(_ text: String) throws(ImportError) -> [Event] {
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.first == "{" {
            return try text.split(whereSeparator: \.isNewline).enumerated().map { index, line throws(ImportError) in
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    throw ImportError(line: index + 1, message: "is not a JSON object")
                }
                return try event(index + 1) { column in
                    switch object[column] {
                    case let text as String: text
                    case let number as NSNumber:
                        number.doubleValue == number.doubleValue.rounded() && abs(number.doubleValue) < 1e15
                            ? String(number.int64Value) : String(number.doubleValue)
                    default: nil
                    }
                }
            }
        }
        let rows = try csvRows(text)
        guard let header = rows.first, header == columns else {
            throw ImportError(line: 1, message: "the header must be: \(csvHeader())")
        }
        return try rows.dropFirst().enumerated().map { index, row throws(ImportError) in
            guard row.count == columns.count else {
                throw ImportError(line: index + 2, message: "has \(row.count) fields, expected \(columns.count)")
            }
            let values = Dictionary(uniqueKeysWithValues: zip(columns, row))
            return try event(index + 2) { values[$0].flatMap { $0.isEmpty ? nil : $0 } }
        }
    }

    static func fields(_ e: Event) -> [String?] {
        [
            e.id.map(String.init), e.kind.rawValue, time(e.at), e.day.description, e.action, e.count.map(String.init),
            e.note, e.slot, e.scheduled.map(time), e.latenessMs.map(String.init), e.until.map(time),
            e.ref.map(String.init), e.resultKind, e.value.map { String($0) }, e.source, e.payload,
        ]
    }

    private static func event(_ line: Int, _ field: (String) -> String?) throws(ImportError) -> Event {
        func required<T>(_ column: String, _ parse: (String) -> T?) throws(ImportError) -> T {
            guard let text = field(column), let value = parse(text) else {
                throw ImportError(line: line, message: "\(column) is missing or not valid")
            }
            return value
        }
        func optional<T>(_ column: String, _ parse: (String) -> T?) throws(ImportError) -> T? {
            guard let text = field(column) else { return nil }
            guard let value = parse(text) else { throw ImportError(line: line, message: "\(column) \"\(text)\" is not valid") }
            return value
        }
        return Event(
            id: try optional("id") { Int64($0) }, kind: try required("kind") { Event.Kind(rawValue: $0) },
            at: try required("at", date), day: try required("day") { LocalDay(iso: $0) },
            action: field("action"), count: try optional("count") { Int($0) }, note: field("note"),
            slot: field("slot"), scheduled: try optional("scheduled", date),
            latenessMs: try optional("lateness_ms") { Int($0) }, until: try optional("until", date),
            ref: try optional("ref") { Int64($0) }, resultKind: field("result_kind"),
            value: try optional("value") { Double($0) }, source: field("source"), payload: field("payload"))
    }

    static func time(_ date: Date) -> String { Timestamp.utcMilliseconds(date) }

    static func date(_ text: String) -> Date? { WireTimestamp.parse(text) }

    /// RFC 4180 rows: quoted fields may hold commas, quotes (doubled) and newlines. Read byte
    /// by byte (every delimiter is ASCII), as an import may hold a million rows.
    static func csvRows(_ text: String) throws(ImportError) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var afterQuote = false
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            if quoted {
                if afterQuote {
                    afterQuote = false
                    if byte == quote { field.append(quote); continue }
                    quoted = false
                } else if byte == quote {
                    afterQuote = true
                    continue
                } else {
                    field.append(byte)
                    continue
                }
            }
            switch byte {
            case quote: quoted = true
            case comma: endField()
            case newline:
                endField()
                rows.append(row)
                row = []
            case cr: break
            default: field.append(byte)
            }
        }
        if quoted && !afterQuote { throw ImportError(line: rows.count + 1, message: "a quoted field is not closed") }
        if !field.isEmpty || !row.isEmpty {
            endField()
            rows.append(row)
        }
        return rows
    }

}
