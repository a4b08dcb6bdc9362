import Foundation

/// Folds the person events of the ledger into the people they describe, and answers which
/// person a name means.
public struct PersonBook: Sendable {
    /// Every person, by id order.
    public private(set) var people: [Person] = []
    /// Person events taken back by an undo.
    public private(set) var cancelled: Set<Int64> = []
    /// The events in force (not undos, not taken back), oldest first.
    public private(set) var history: [PersonEvent] = []

    public init(_ events: [PersonEvent]) {
        cancelled = Set(events.filter { $0.kind == .undo }.compactMap(\.ref))
        history = events.filter { $0.kind != .undo && !cancelled.contains($0.id ?? -1) }
        var byID: [Int64: Person] = [:]
        var order: [Int64] = []
        for event in history {
            let t = event.texts
            if event.kind == .added {
                byID[event.person] = Person(
                    id: event.person, name: t.name, company: t.company, note: t.note, next: t.next, due: t.due,
                    step: event.step ?? "", status: .active, lastTouch: event.at, lastTouchDay: event.day,
                    added: event.at, forgotten: false)
                order.append(event.person)
                continue
            }
            guard var person = byID[event.person] else { continue }
            switch event.kind {
            case .touched:
                if event.day >= person.lastTouchDay { (person.lastTouch, person.lastTouchDay) = (event.at, event.day) }
                if let next = t.next { person.next = next }
                if let due = t.due { person.due = due }
                if let note = t.note { person.note = note }
            case .moved:
                // Entering a step starts its wait: a move follows a contact.
                if let step = event.step { person.step = step }
                person.status = .active
                if event.day >= person.lastTouchDay { (person.lastTouch, person.lastTouchDay) = (event.at, event.day) }
            case .won: person.status = .won
            case .lost: person.status = .lost
            case .edited:
                if let name = t.name { person.name = name }
                if let company = t.company { person.company = company.isEmpty ? nil : company }
                if let next = t.next { person.next = next.isEmpty ? nil : next }
                if let due = t.due { person.due = due.isEmpty ? nil : due }
                if let note = t.note { person.note = note.isEmpty ? nil : note }
                if let step = event.step { person.step = step }
            case .forgotten:
                person.forgotten = true
                (person.name, person.company, person.note, person.next) = (nil, nil, nil, nil)
            case .added, .undo: break
            }
            byID[event.person] = person
        }
        people = order.compactMap { byID[$0] }
    }

    public func person(id: Int64) -> Person? { people.first { $0.id == id } }

    /// The person `query` means: an id (`12` or `#12`), or an unambiguous case-insensitive part of
    /// a name (an exact name wins over names that contain it).
    public func find(_ query: String) -> PersonMatch {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int64(digits) {
            return person(id: id).map(PersonMatch.found) ?? .none
        }
        let needle = trimmed.lowercased()
        guard !needle.isEmpty else { return .none }
        let named = people.filter { $0.name != nil }
        let exact = named.filter { $0.name!.lowercased() == needle }
        if exact.count == 1 { return .found(exact[0]) }
        let partial = named.filter { $0.name!.lowercased().contains(needle) }
        switch partial.count {
        case 0: return .none
        case 1: return .found(partial[0])
        default: return .ambiguous(partial)
        }
    }

    /// The latest event in force that an undo may take back (of `person`, when given).
    public func latestUndoable(person: Int64? = nil) -> PersonEvent? {
        history.last { $0.kind != .forgotten && (person == nil || $0.person == person) }
    }
}

/// What a PERSON argument named.
public enum PersonMatch: Hashable, Sendable {
    case found(Person)
    case ambiguous([Person])
    case none
}
