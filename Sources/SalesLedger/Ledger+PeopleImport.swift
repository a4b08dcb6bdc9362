import Foundation
import GRDB
import SalesPlan

extension Ledger {
    /// Loads the person events of `salesd export --people` into this ledger, which must hold no
    /// people yet, all or none; ids are kept, so undos and the done and result events they name
    /// (imported before with `salesd import`) still match.
    public func importPersonEvents(_ events: [PersonEvent]) throws(LedgerError) {
        let path = self.path
        try write { db in
            try Self.requireEmpty("people", path: path, db)
            var seen: Set<Int64> = []
            for (index, event) in events.enumerated() {
                guard let id = event.id else {
                    throw LedgerError(.invalidImport, path: path, detail: "person event #\(index + 1) has no id")
                }
                if event.kind == .added {
                    try db.execute(sql: "INSERT INTO people (id, name, company) VALUES (?, ?, ?)",
                                   arguments: [event.person, event.texts.name, event.texts.company])
                    seen.insert(event.person)
                } else if !seen.contains(event.person) {
                    throw LedgerError(.invalidImport, path: path, detail: """
                        person event \(id) is about person \(event.person), who is not added before it
                        """)
                }
                if event.kind == .edited {
                    try db.execute(sql: "UPDATE people SET name = COALESCE(?, name), company = COALESCE(?, company) WHERE id = ?",
                                   arguments: [event.texts.name, event.texts.company, event.person])
                }
                if event.kind == .forgotten {
                    try db.execute(sql: "UPDATE people SET name = NULL, company = NULL, forgotten = ? WHERE id = ?",
                                   arguments: [EventRecord.milliseconds(event.at), event.person])
                }
                _ = try Self.insert(event, id: id, db)
            }
        }
    }

    /// Puts new people in the pipeline, all or none (`salesd import --people` of a list or of
    /// LinkedIn's connections); each event must be an `added` one.
    @discardableResult
    public func addPeople(_ events: [PersonEvent]) throws(LedgerError) -> [PersonEvent] {
        try write { db in
            try events.map { event in
                var stored = event
                try db.execute(sql: "INSERT INTO people (name, company) VALUES (?, ?)",
                               arguments: [event.texts.name, event.texts.company])
                stored.person = db.lastInsertedRowID
                stored.id = try Self.insert(stored, id: nil, db)
                return stored
            }
        }
    }

    /// Inserts one person event row (with `id`, or a new one) and its texts; returns its id.
    static func insert(_ event: PersonEvent, id: Int64?, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO person_events (id, kind, at, day, person, step, ref, done, results, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                id, event.kind.rawValue, EventRecord.milliseconds(event.at), event.day.description, event.person,
                event.step, event.ref, event.done,
                event.results.isEmpty ? nil : event.results.map(String.init).joined(separator: ","), event.source,
            ])
        let stored = db.lastInsertedRowID
        if !event.texts.isEmpty {
            let t = event.texts
            try db.execute(sql: """
                INSERT INTO person_texts (event, person, name, company, note, next, due) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [stored, event.person, t.name, t.company, t.note, t.next, t.due])
        }
        return stored
    }
}
