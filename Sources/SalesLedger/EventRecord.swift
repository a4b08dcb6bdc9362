import Foundation
import GRDB
import SalesPlan

/// How an ``Event`` maps onto a row of the `events` table.
///
/// Instants are stored as integer milliseconds since the Unix epoch, so they round-trip
/// exactly and sort as numbers; days as `YYYY-MM-DD`, so they sort as text.
enum EventRecord {
    /// A stored row that does not make a valid ``Event``.
    struct Unreadable: Error {
        let detail: String
    }

    private static let insertSQL = """
        INSERT INTO events (kind, at, day, action, count, note, slot, scheduled, lateness_ms,
                            until, ref, result_kind, value, source, payload)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Inserts `event` (ignoring any `id` it carries) and returns it with the id SQLite assigned.
    static func insert(_ event: Event, _ db: Database) throws -> Event {
        let statement = try db.cachedStatement(sql: insertSQL)
        try statement.execute(arguments: [
            event.kind.rawValue, milliseconds(event.at), event.day.description, event.action,
            event.count, event.note, event.slot, event.scheduled.map(milliseconds), event.latenessMs,
            event.until.map(milliseconds), event.ref, event.resultKind, event.value, event.source,
            event.payload,
        ])
        var stored = event
        stored.id = db.lastInsertedRowID
        return stored
    }

    /// Decodes a row selected with `SELECT *` from `events`.
    static func event(_ row: Row) throws -> Event {
        let id: Int64 = row["id"]
        let kindText: String = row["kind"]
        guard let kind = Event.Kind(rawValue: kindText) else {
            throw Unreadable(detail: "event \(id) has unknown kind \"\(kindText)\"")
        }
        let dayText: String = row["day"]
        guard let day = LocalDay(iso: dayText) else {
            throw Unreadable(detail: "event \(id) has invalid day \"\(dayText)\"")
        }
        return Event(
            id: id, kind: kind, at: date(row["at"]), day: day, action: row["action"],
            count: row["count"], note: row["note"], slot: row["slot"],
            scheduled: (row["scheduled"] as Int64?).map(date), latenessMs: row["lateness_ms"],
            until: (row["until"] as Int64?).map(date), ref: row["ref"], resultKind: row["result_kind"],
            value: row["value"], source: row["source"], payload: row["payload"]
        )
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
