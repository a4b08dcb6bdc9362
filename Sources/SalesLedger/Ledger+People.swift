import Foundation
import GRDB
import SalesPlan

extension Ledger {
    /// Records `event` for the client request `request`, once (see ``append(_:request:)``).
    /// For an `added` event whose `person` is 0, a new person is made and the event names them.
    ///
    /// The event row holds no free text; its ``PersonEvent/texts`` go to `person_texts`, and a
    /// name or company to `people`, where ``forget(person:at:day:source:)`` can erase them.
    public func append(_ event: PersonEvent, request: String?) throws(LedgerError) -> (event: PersonEvent, recorded: Bool) {
        try write { db in
            if let request, let earlier = try Self.personEvent(forRequest: request, db) { return (earlier, false) }
            var stored = event
            if event.kind == .added && event.person == 0 {
                try db.execute(sql: "INSERT INTO people (name, company) VALUES (?, ?)",
                               arguments: [event.texts.name, event.texts.company])
                stored.person = db.lastInsertedRowID
            } else if event.kind == .edited, event.texts.name != nil || event.texts.company != nil {
                try db.execute(sql: "UPDATE people SET name = COALESCE(?, name), company = COALESCE(?, company) WHERE id = ?",
                               arguments: [event.texts.name, event.texts.company, event.person])
            }
            stored.id = try Self.insert(stored, id: nil, db)
            if let request {
                try db.execute(sql: "INSERT INTO person_requests (id, event) VALUES (?, ?)", arguments: [request, stored.id])
            }
            return (stored, true)
        }
    }

    /// Every person event, oldest first, with its texts (blank once forgotten).
    public func personEvents() throws(LedgerError) -> [PersonEvent] {
        try read { db in
            try Row.fetchAll(db, sql: Self.personEventsSQL + " ORDER BY e.id").map(Self.personEvent)
        }
    }

    /// The person event recorded for client request `request`, if any.
    public func personEvent(forRequest request: String) throws(LedgerError) -> PersonEvent? {
        try read { db in try Self.personEvent(forRequest: request, db) }
    }

    /// Erases person `person`'s name, company and every note of theirs, and blanks each done
    /// note, skip reason and result note that names them (their full name, a word of it of
    /// three letters or more, or their company); records a `forgotten` event; counts stay.
    ///
    /// The bytes leave the file only with ``compact()``, which must follow.
    /// - Returns: the `forgotten` event and how many event notes were blanked.
    public func forget(person: Int64, at: Date, day: LocalDay, source: String, request: String?)
        throws(LedgerError) -> (event: PersonEvent, recorded: Bool, notesErased: Int)
    {
        try write { db in
            if let request, let earlier = try Self.personEvent(forRequest: request, db) { return (earlier, false, 0) }
            try db.execute(sql: "PRAGMA secure_delete = ON")
            var words: Set<String> = []
            let names = try Row.fetchAll(db, sql: """
                SELECT name, company FROM people WHERE id = ?
                UNION ALL SELECT name, company FROM person_texts WHERE person = ?
                """, arguments: [person, person])
            for row in names {
                if let name: String = row["name"] {
                    words.insert(name)
                    for part in name.split(whereSeparator: { $0.isWhitespace || $0 == "," }) where part.count >= 3 {
                        words.insert(String(part))
                    }
                }
                if let company: String = row["company"], company.count >= 2 { words.insert(company) }
            }
            var erased = 0
            for word in words {
                try db.execute(sql: "UPDATE events SET note = NULL WHERE note IS NOT NULL AND instr(lower(note), lower(?)) > 0",
                               arguments: [word])
                erased += db.changesCount
            }
            try db.execute(sql: "UPDATE people SET name = NULL, company = NULL, forgotten = ? WHERE id = ?",
                           arguments: [EventRecord.milliseconds(at), person])
            try db.execute(sql: """
                UPDATE person_texts SET name = NULL, company = NULL, note = NULL, next = NULL, due = NULL WHERE person = ?
                """, arguments: [person])
            try db.execute(sql: """
                INSERT INTO person_events (kind, at, day, person, source) VALUES ('forgotten', ?, ?, ?, ?)
                """, arguments: [EventRecord.milliseconds(at), day.description, person, source])
            let id = db.lastInsertedRowID
            if let request {
                try db.execute(sql: "INSERT INTO person_requests (id, event) VALUES (?, ?)", arguments: [request, id])
            }
            return (PersonEvent(id: id, kind: .forgotten, at: at, day: day, person: person, source: source), true, erased)
        }
    }

    /// Rewrites the file without free pages (VACUUM) and empties the write-ahead log, so
    /// erased texts are gone from `ledger.sqlite`, `-wal` and `-shm`, not only hidden.
    /// Slow on a large ledger: the daemon runs it on its ledger queue. It waits at most
    /// `patience` seconds for readers to let the log be emptied (``checkpoint(patience:)``).
    public func compact(patience: Int) throws(LedgerError) {
        do {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM")
            }
        } catch {
            throw LedgerError(error, path: path)
        }
        try checkpoint(patience: patience)
    }

    private static let personEventsSQL = """
        SELECT e.*, t.name, t.company, t.note, t.next, t.due
        FROM person_events e LEFT JOIN person_texts t ON t.event = e.id
        """

    private static func personEvent(forRequest request: String, _ db: Database) throws -> PersonEvent? {
        guard let id = try Int64.fetchOne(db, sql: "SELECT event FROM person_requests WHERE id = ?", arguments: [request]),
              let row = try Row.fetchOne(db, sql: personEventsSQL + " WHERE e.id = ?", arguments: [id])
        else { return nil }
        return try personEvent(row)
    }

    static func personEvent(_ row: Row) throws -> PersonEvent {
        let id: Int64 = row["id"]
        let kindText: String = row["kind"]
        guard let kind = PersonEvent.Kind(rawValue: kindText) else {
            throw EventRecord.Unreadable(detail: "person event \(id) has unknown kind \"\(kindText)\"")
        }
        let dayText: String = row["day"]
        guard let day = LocalDay(iso: dayText) else {
            throw EventRecord.Unreadable(detail: "person event \(id) has invalid day \"\(dayText)\"")
        }
        let results = (row["results"] as String?).map { $0.split(separator: ",").compactMap { Int64($0) } } ?? []
        return PersonEvent(
            id: id, kind: kind, at: EventRecord.date(row["at"]), day: day, person: row["person"], step: row["step"],
            ref: row["ref"], done: row["done"], results: results, source: row["source"],
            texts: PersonTexts(name: row["name"], company: row["company"], note: row["note"], next: row["next"],
                               due: row["due"]))
    }
}
