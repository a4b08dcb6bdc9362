import Foundation
import SalesContract
import SalesPlan
import SalesSchedule

/// Turns person calls into the person events to record, checked against the plan and the
/// people as the ledger has them. Pure: the daemon runs it next to the ledger write, so each
/// call is judged against every earlier one.
public struct PersonDesk: Sendable {
    public let plan: Plan
    public let calendar: ZoneCalendar

    public init(plan: Plan, calendar: ZoneCalendar) {
        self.plan = plan
        self.calendar = calendar
    }

    /// The person `query` names: an id or an unambiguous part of a name.
    public func resolve(_ query: String, in book: PersonBook, allowForgotten: Bool = false) throws(PersonError) -> Person {
        switch book.find(query) {
        case .found(let person):
            if person.forgotten && !allowForgotten { throw .forgotten(person.id) }
            return person
        case .ambiguous(let people):
            throw .ambiguous(query, candidates: people.map { "#\($0.id) \($0.label)" })
        case .none:
            let named = book.people.filter { $0.name != nil }
            let close = named.filter { ClosestMatch.find(query, in: [$0.name!]) != nil || $0.name!.split(separator: " ")
                .contains { ClosestMatch.find(query, in: [String($0)]) != nil } }
            throw .noSuchPerson(query, candidates: close.prefix(5).map { "#\($0.id) \($0.label)" })
        }
    }

    public func add(_ call: PersonAddCall, now: Date, source: String) throws(PersonError) -> PersonEvent {
        let name = try text(call.name, "name", required: true)!
        let step = try stepID(call.step ?? plan.steps.first?.id ?? "")
        let texts = PersonTexts(name: name, company: try text(call.company, "company"), note: try text(call.note, "note", max: 2000),
                                next: try text(call.next, "next"), due: try dueDay(call.due, now: now))
        return PersonEvent(kind: .added, at: now, day: calendar.day(of: now), person: 0, step: step, source: source, texts: texts)
    }

    public func edit(_ call: PersonEditCall, book: PersonBook, now: Date, source: String) throws(PersonError) -> PersonEvent {
        let person = try resolve(call.person, in: book)
        let texts = PersonTexts(name: try text(call.name, "name", required: call.name != nil), company: try text(call.company, "company", clearable: true),
                                note: try text(call.note, "note", max: 2000, clearable: true),
                                next: try text(call.next, "next", clearable: true),
                                due: call.due == "" ? "" : try dueDay(call.due, now: now))
        return PersonEvent(kind: .edited, at: now, day: calendar.day(of: now), person: person.id, source: source, texts: texts)
    }

    public func touch(_ call: TouchCall, book: PersonBook, now: Date, source: String, done: Int64?) throws(PersonError) -> PersonEvent {
        let person = try resolve(call.person, in: book)
        let texts = PersonTexts(note: try text(call.note, "note", max: 2000), next: try text(call.next, "next"),
                                due: try dueDay(call.due, now: now))
        return PersonEvent(kind: .touched, at: now, day: calendar.day(of: now), person: person.id, done: done, source: source,
                           texts: texts)
    }

    public func move(_ call: MoveCall, book: PersonBook, now: Date, source: String) throws(PersonError) -> PersonEvent {
        let person = try resolve(call.person, in: book)
        let step = try stepID(call.step)
        return PersonEvent(kind: .moved, at: now, day: calendar.day(of: now), person: person.id, step: step, source: source)
    }

    public func lost(_ call: LostCall, book: PersonBook, now: Date, source: String) throws(PersonError) -> PersonEvent {
        let person = try resolve(call.person, in: book)
        return PersonEvent(kind: .lost, at: now, day: calendar.day(of: now), person: person.id, source: source,
                           texts: PersonTexts(note: try text(call.reason, "reason", max: 2000)))
    }

    public func won(_ person: Person, now: Date, source: String, results: [Int64]) -> PersonEvent {
        PersonEvent(kind: .won, at: now, day: calendar.day(of: now), person: person.id, step: person.step, results: results,
                    source: source)
    }

    /// The undo of `target`.
    public func undo(_ target: PersonEvent, now: Date, source: String) -> PersonEvent {
        PersonEvent(kind: .undo, at: now, day: target.day, person: target.person, step: target.step, ref: target.id,
                    source: source)
    }

    private func stepID(_ id: String) throws(PersonError) -> String {
        guard plan.step(id: id) != nil else { throw .noSuchStep(id, known: plan.steps.map(\.id)) }
        return id
    }

    /// A text about a person: one line (the note may have line breaks), not blank, bounded.
    private func text(_ value: String?, _ parameter: String, max: Int = 200, required: Bool = false,
                      clearable: Bool = false) throws(PersonError) -> String? {
        guard let value else { return nil }
        if clearable && value.isEmpty { return "" }
        if value.allSatisfy(\.isWhitespace) {
            throw .invalidArgument(parameter: parameter, value: value, message: "is empty; write a few words")
        }
        if value.contains("\0") {
            throw .invalidArgument(parameter: parameter, value: value.replacingOccurrences(of: "\0", with: "\\u0000"),
                                   message: "contains a NUL character (\\u0000), which cannot be stored; remove it")
        }
        if parameter != "note", value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw .invalidArgument(parameter: parameter, value: value, message: "contains a line break or another control character; use one line")
        }
        if value.count > max {
            throw .invalidArgument(parameter: parameter, value: String(value.prefix(40)) + "…", message: "is too long (at most \(max) characters)")
        }
        return value
    }

    /// `YYYY-MM-DD`, `today` or `tomorrow`.
    private func dueDay(_ value: String?, now: Date) throws(PersonError) -> String? {
        guard let value else { return nil }
        let today = calendar.day(of: now)
        switch value {
        case "today": return today.description
        case "tomorrow": return today.adding(days: 1).description
        default:
            guard let day = LocalDay(iso: value) else {
                throw .invalidArgument(parameter: "due", value: value, message: "is not a date (use YYYY-MM-DD, today or tomorrow)")
            }
            return day.description
        }
    }
}
