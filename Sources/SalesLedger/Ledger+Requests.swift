import Foundation
import GRDB
import SalesPlan

extension Ledger {
    /// Records `event` for the client request `request`, once: when that request is already
    /// recorded (a client retrying after it lost the answer), nothing new is written and the
    /// event first recorded for it is returned.
    ///
    /// - Parameter request: the client's key for the request; nil records unconditionally.
    /// - Returns: the stored event, and whether this call recorded it.
    public func append(_ event: Event, request: String?) throws(LedgerError) -> (event: Event, recorded: Bool) {
        guard let request else { return (try append(event), true) }
        return try write { db in
            if let id = try Int64.fetchOne(db, sql: "SELECT event FROM requests WHERE id = ?", arguments: [request]),
               let row = try Row.fetchOne(db, sql: "SELECT * FROM events WHERE id = ?", arguments: [id]) {
                return (try EventRecord.event(row), false)
            }
            let stored = try EventRecord.insert(event, db)
            try db.execute(sql: "INSERT INTO requests (id, event) VALUES (?, ?)", arguments: [request, stored.id])
            return (stored, true)
        }
    }

    /// Records `events` together, all or none, under one client request key (which names the
    /// first); a key seen before records nothing and returns the event it named then.
    public func append(_ events: [Event], request: String?) throws(LedgerError) -> (events: [Event], recorded: Bool) {
        guard let first = events.first else { return ([], false) }
        guard events.count > 1 else {
            let (stored, recorded) = try append(first, request: request)
            return ([stored], recorded)
        }
        return try write { db in
            if let request,
               let id = try Int64.fetchOne(db, sql: "SELECT event FROM requests WHERE id = ?", arguments: [request]),
               let row = try Row.fetchOne(db, sql: "SELECT * FROM events WHERE id = ?", arguments: [id]) {
                return ([try EventRecord.event(row)], false)
            }
            let stored = try events.map { try EventRecord.insert($0, db) }
            if let request {
                try db.execute(sql: "INSERT INTO requests (id, event) VALUES (?, ?)", arguments: [request, stored[0].id])
            }
            return (stored, true)
        }
    }

    /// The event recorded for client request `request`, if any.
    public func event(forRequest request: String) throws(LedgerError) -> Event? {
        try read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT event FROM requests WHERE id = ?", arguments: [request]),
                  let row = try Row.fetchOne(db, sql: "SELECT * FROM events WHERE id = ?", arguments: [id])
            else { return nil }
            return try EventRecord.event(row)
        }
    }
}
