import Foundation
import SalesContract
import SalesPlan

/// The people files `salesd import --people` reads and `salesd export --people` writes.
///
/// - The export: every person event, oldest first, with its texts (`id,kind,…,next,due`), so an
///   import into a new ledger gives the same pipeline, history included.
/// - A simple list: `name,company,step,last touch,note` (header required, any case; step and
///   last touch may be empty: the plan's first step, today).
/// - LinkedIn's connections export (`Connections.csv`): its preamble lines, then
///   `First Name,Last Name,URL,Email Address,Company,Position,Connected On`; everyone goes to the
///   first step with `Connected On` as the last touch. URL and e-mail address are not kept.
public enum PeopleCSV {
    public static let columns = ["id", "kind", "at", "day", "person", "step", "ref", "done", "results", "source",
                                 "name", "company", "note", "next", "due"]
    static let listColumns = ["name", "company", "step", "last touch", "note"]
    static let linkedInColumns = ["first name", "last name", "url", "email address", "company", "position", "connected on"]

    /// A person of a list or a LinkedIn export, before the plan decides their step.
    public struct Row: Hashable, Sendable {
        public var line: Int
        public var name: String
        public var company: String?
        public var step: String?
        public var lastTouch: LocalDay?
        public var note: String?
    }

    public enum Content: Sendable {
        case events([PersonEvent])
        case list([Row])
        case linkedIn([Row])
    }

    public static func header() -> String { columns.joined(separator: ",") }

    public static func row(_ e: PersonEvent) -> String {
        let t = e.texts
        let fields: [String?] = [
            e.id.map(String.init), e.kind.rawValue, Timestamp.utcMilliseconds(e.at), e.day.description, String(e.person),
            e.step, e.ref.map(String.init), e.done.map(String.init),
            e.results.isEmpty ? nil : e.results.map(String.init).joined(separator: ";"), e.source,
            t.name, t.company, t.note, t.next, t.due,
        ]
        return fields.map { field in
            guard let field else { return "" }
            let special = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            return special ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }

    /// Reads any of the three formats, recognised by their header row.
    public static func parse(_ text: String) throws(ImportError) -> Content {
        let rows = try EventExport.csvRows(text)
        let normalised = rows.map { $0.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }
        if let first = normalised.first, first == columns {
            var events: [PersonEvent] = []
            for (index, row) in rows.enumerated().dropFirst() { events.append(try event(row, line: index + 1)) }
            return .events(events)
        }
        if let first = normalised.first, first.prefix(5).map({ $0.replacingOccurrences(of: "_", with: " ") }) == listColumns
            || first.prefix(5).map({ $0 == "lasttouch" ? "last touch" : $0 }) == listColumns {
            var people: [Row] = []
            for (index, row) in rows.enumerated().dropFirst() {
                if let person = try listRow(row, line: index + 1) { people.append(person) }
            }
            return .list(people)
        }
        if let start = normalised.firstIndex(where: { Array($0.prefix(7)) == linkedInColumns }) {
            var people: [Row] = []
            for (index, row) in rows.enumerated().dropFirst(start + 1) {
                if let person = try linkedInRow(row, line: index + 1) { people.append(person) }
            }
            return .linkedIn(people)
        }
        throw ImportError(line: 1, message: """
            is not a people file: use the header "name,company,step,last touch,note", LinkedIn's \
            Connections.csv, or a file from `salesd export --people`
            """)
    }

    private static func cell(_ row: [String], _ i: Int) -> String? {
        guard i < row.count else { return nil }
        let text = row[i].trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    private static func listRow(_ row: [String], line: Int) throws(ImportError) -> Row? {
        if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return nil }
        guard let name = cell(row, 0) else { throw ImportError(line: line, message: "has no name") }
        var touch: LocalDay?
        if let text = cell(row, 3) {
            guard let day = LocalDay(iso: String(text.prefix(10))) else {
                throw ImportError(line: line, message: "last touch \"\(text)\" is not a date (use YYYY-MM-DD)")
            }
            touch = day
        }
        return Row(line: line, name: name, company: cell(row, 1), step: cell(row, 2), lastTouch: touch, note: cell(row, 4))
    }

    private static func linkedInRow(_ row: [String], line: Int) throws(ImportError) -> Row? {
        if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return nil }
        let name = [cell(row, 0), cell(row, 1)].compactMap { $0 }.joined(separator: " ")
        // LinkedIn leaves the name out of connections who hide it: nobody to follow up with.
        guard !name.isEmpty else { return nil }
        var touch: LocalDay?
        if let text = cell(row, 6) {
            guard let day = connectedOn(text) else {
                throw ImportError(line: line, message: "Connected On \"\(text)\" is not a date like \"01 Dec 2026\"")
            }
            touch = day
        }
        return Row(line: line, name: name, company: cell(row, 4), step: nil, lastTouch: touch, note: cell(row, 5))
    }

    /// `01 Dec 2026` (LinkedIn's format; English month abbreviations), or an ISO date.
    static func connectedOn(_ text: String) -> LocalDay? {
        if let day = LocalDay(iso: text) { return day }
        let parts = text.split(separator: " ")
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard parts.count == 3, let d = Int(parts[0]), let y = Int(parts[2]),
              let m = months.firstIndex(of: String(parts[1].prefix(3)).lowercased()) else { return nil }
        return LocalDay(year: y, month: m + 1, day: d)
    }

    private static func event(_ row: [String], line: Int) throws(ImportError) -> PersonEvent {
        guard row.count == columns.count else {
            throw ImportError(line: line, message: "has \(row.count) fields, expected \(columns.count)")
        }
        let value = { (name: String) -> String? in
            let text = row[columns.firstIndex(of: name)!]
            return text.isEmpty ? nil : text
        }
        guard let kindText = value("kind"), let kind = PersonEvent.Kind(rawValue: kindText) else {
            throw ImportError(line: line, message: "kind \"\(value("kind") ?? "")\" is not a person event kind")
        }
        guard let at = value("at").flatMap(WireTimestamp.parse), let day = value("day").flatMap({ LocalDay(iso: $0) }),
              let person = value("person").flatMap({ Int64($0) }) else {
            throw ImportError(line: line, message: "needs an instant (at), a day and a person id")
        }
        return PersonEvent(
            id: value("id").flatMap { Int64($0) }, kind: kind, at: at, day: day, person: person, step: value("step"),
            ref: value("ref").flatMap { Int64($0) }, done: value("done").flatMap { Int64($0) },
            results: (value("results") ?? "").split(separator: ";").compactMap { Int64($0) }, source: value("source"),
            texts: PersonTexts(name: value("name"), company: value("company"), note: value("note"), next: value("next"),
                               due: value("due")))
    }
}
