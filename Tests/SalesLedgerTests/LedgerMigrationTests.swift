import Foundation
@testable import SalesLedger
import SalesPlan
import XCTest

final class LedgerMigrationTests: XCTestCase {
    /// Events survive closing and reopening the ledger.
    func testReopenSeesEvents() throws {
        let folder = try TemporaryFolder()
        var stored: [Event] = []
        do {
            let ledger = try Ledger.open(directory: folder.ledgerFolder)
            stored = try ledger.append([Samples.plan("{}"), Samples.done()])
        }

        let reopened = try Ledger.open(directory: folder.ledgerFolder)

        XCTAssertEqual(try reopened.allEvents(), stored)
        XCTAssertEqual(try reopened.integrityCheck(), "ok")
    }

    /// A ledger written by the first release (schema v1, frozen here) opens and reads in this version.
    func testVersion1LedgerOpens() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.ledgerFolder, withIntermediateDirectories: true)
        let file = folder.ledgerFolder.appendingPathComponent("ledger.sqlite").path
        let created = try SQLiteShell.run(file, Self.version1Ledger)
        XCTAssertEqual(created.status, 0, created.standardError)

        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        let events = try ledger.allEvents()
        let next = try ledger.append(Samples.done())

        var reminder = Samples.reminder(slot: "09:30")
        reminder.id = 2
        XCTAssertEqual(events, [Event(
            id: 1, kind: .done, at: Samples.instant(1_772_443_800_123), day: Samples.day,
            action: "follow-up", count: 2, note: "v1", source: "ctl"
        ), reminder])
        XCTAssertEqual(next.id, 3)
        XCTAssertNil(try ledger.recordReminder(Samples.reminder(slot: "09:30")))
    }

    /// The connection commits durably: WAL journal, synchronous FULL, foreign keys enforced.
    func testConnectionIsConfiguredForDurability() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)

        let settings = try ledger.read { db in
            try ["journal_mode", "synchronous", "foreign_keys"].map {
                try String.fetchOne(db, sql: "PRAGMA \($0)") ?? ""
            }
        }

        XCTAssertEqual(settings, ["wal", "2", "1"])
    }

    /// A ledger migrated by a newer salesd is refused rather than misread.
    func testNewerLedgerIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = try Ledger.open(directory: folder.ledgerFolder).path
        let upgraded = try SQLiteShell.run(path, "INSERT INTO grdb_migrations VALUES ('v99')")
        XCTAssertEqual(upgraded.status, 0, upgraded.standardError)

        XCTAssertThrowsError(try Ledger.open(directory: folder.ledgerFolder)) { error in
            XCTAssertEqual((error as? LedgerError)?.code, .newerVersion)
        }
    }

    /// Schema v1 exactly as the first release wrote it, with one event and one reminder.
    private static let version1Ledger = """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1');
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, at INTEGER NOT NULL,
            day TEXT NOT NULL, action TEXT, count INTEGER, note TEXT, slot TEXT, scheduled INTEGER,
            lateness_ms INTEGER, until INTEGER, ref INTEGER REFERENCES events(id), result_kind TEXT,
            value REAL, source TEXT, payload TEXT
        );
        CREATE INDEX events_day ON events(day);
        CREATE INDEX events_kind_day ON events(kind, day);
        CREATE UNIQUE INDEX events_reminder_once ON events(action, day, slot)
            WHERE kind IN ('reminder', 'missed');
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END;
        INSERT INTO events (kind, at, day, action, count, note, source)
            VALUES ('done', 1772443800123, '2026-03-02', 'follow-up', 2, 'v1', 'ctl');
        INSERT INTO events (kind, at, day, action, slot, scheduled, lateness_ms, source)
            VALUES ('reminder', 1772443801000, '2026-03-02', 'follow-up', '09:30', 1772443800000, 1000, 'daemon');
        """
}
