import GRDB
import SalesPlan

extension Ledger {
    /// Loads an export into this empty ledger, all or none.
    ///
    /// Events get new ids in order; each `ref` (an undo's target) is rewritten to the new id of
    /// the event it pointed to, which must come earlier in `events`.
    public func importEvents(_ events: [Event]) throws(LedgerError) {
        let path = self.path
        try write { db in
            try Self.requireEmpty("events", path: path, db)
            var newIDs: [Int64: Int64] = [:]
            for (index, original) in events.enumerated() {
                var event = original
                if let ref = original.ref {
                    guard let newRef = newIDs[ref] else {
                        throw LedgerError(.invalidImport, path: path, detail: """
                            event \(original.id.map(String.init) ?? "#\(index + 1)") refers to event \(ref), \
                            which does not come before it
                            """)
                    }
                    event.ref = newRef
                }
                let stored = try EventRecord.insert(event, db)
                if let oldID = original.id {
                    newIDs[oldID] = stored.id
                }
            }
        }
    }

    /// Refuses an import into a ledger whose `table` (events, people) holds rows already.
    static func requireEmpty(_ table: String, path: String, _ db: Database) throws {
        let existing = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
        guard existing == 0 else {
            throw LedgerError(.notEmpty, path: path, detail: "it already holds \(existing) \(table)")
        }
    }
}
