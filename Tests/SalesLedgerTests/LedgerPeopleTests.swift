import Foundation
import GRDB
@testable import SalesLedger
import SalesPlan
import XCTest

final class LedgerPeopleTests: XCTestCase {
    private let day = LocalDay(iso: "2026-11-30")!
    private let at = Date(timeIntervalSince1970: 1_796_000_000)

    private func add(_ ledger: Ledger, _ name: String, company: String? = nil, note: String? = nil,
                     request: String? = nil) throws -> PersonEvent {
        try ledger.append(PersonEvent(kind: .added, at: at, day: day, person: 0, step: "connect", source: "ctl",
                                      texts: PersonTexts(name: name, company: company, note: note)),
                          request: request).event
    }

    private func ledgerBytes(_ ledger: Ledger) throws -> Data {
        var all = Data()
        for suffix in ["", "-wal", "-shm"] {
            if let data = FileManager.default.contents(atPath: ledger.path + suffix) { all.append(data) }
        }
        return all
    }

    /// Added, touched and moved people come back as their events leave them; the texts live
    /// apart from the append-only event rows.
    func testPeopleRoundTrip() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        let dana = try add(ledger, "Dana Kim", company: "Kim & Co")
        XCTAssertEqual(dana.person, 1)
        let later = day.adding(days: 2)
        _ = try ledger.append(PersonEvent(kind: .touched, at: at.addingTimeInterval(2 * 86_400), day: later, person: 1,
                                          texts: PersonTexts(note: "coffee", next: "send the case study")), request: nil)
        _ = try ledger.append(PersonEvent(kind: .moved, at: at, day: later, person: 1, step: "invite"), request: nil)
        let book = PersonBook(try ledger.personEvents())
        let person = try XCTUnwrap(book.person(id: 1))
        XCTAssertEqual(person.name, "Dana Kim")
        XCTAssertEqual(person.company, "Kim & Co")
        XCTAssertEqual(person.step, "invite")
        XCTAssertEqual(person.next, "send the case study")
        XCTAssertEqual(person.lastTouchDay, later)
        // The event rows hold no free text.
        let shell = try SQLiteShell.run(ledger.path, "SELECT * FROM person_events")
        XCTAssertFalse(shell.standardOutput.contains("Dana"), shell.standardOutput)
        XCTAssertFalse(shell.standardOutput.contains("coffee"), shell.standardOutput)
    }

    /// A retried request records once and answers with the first event.
    func testRetryCountsOnce() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        let first = try add(ledger, "Dana Kim", request: "r1")
        let again = try ledger.append(PersonEvent(kind: .added, at: at, day: day, person: 0, step: "connect",
                                                  texts: PersonTexts(name: "Dana Kim")), request: "r1")
        XCTAssertFalse(again.recorded)
        XCTAssertEqual(again.event, first)
        XCTAssertEqual(PersonBook(try ledger.personEvents()).people.count, 1)
    }

    /// Person events are append-only, from the ledger and from another program.
    func testPersonEventsAreAppendOnly() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        _ = try add(ledger, "Dana Kim")
        XCTAssertThrowsError(try ledger.write { db in try db.execute(sql: "UPDATE person_events SET step = 'x'") })
        let shell = try SQLiteShell.run(ledger.path, "DELETE FROM person_events")
        XCTAssertNotEqual(shell.status, 0)
        XCTAssertTrue(shell.standardError.contains("append-only"), shell.standardError)
        // Events still refuse every update but the erasure of a note.
        _ = try ledger.append(Samples.done())
        XCTAssertThrowsError(try ledger.write { db in try db.execute(sql: "UPDATE events SET count = 5") })
        XCTAssertThrowsError(try ledger.write { db in try db.execute(sql: "UPDATE events SET note = 'x'") })
    }

    /// After forget and compact, not a byte of the name, company or notes is left in the
    /// ledger's files — also a done note that named the person — while the counts stay.
    func testForgetErasesTheBytes() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        _ = try add(ledger, "Zebulon Quartermain", company: "Xylophonic Ltd", note: "met at Flimflam conf")
        _ = try add(ledger, "Dana Kim")
        _ = try ledger.append(PersonEvent(kind: .touched, at: at, day: day, person: 1,
                                          texts: PersonTexts(note: "Quibbleworth lunch", next: "call Zebulon back")), request: nil)
        var done = Samples.done()
        done.note = "emailed zebulon about the pilot"
        _ = try ledger.append(done)
        var kept = Samples.done()
        kept.note = "wrote to Dana"
        _ = try ledger.append(kept)
        try ledger.checkpoint()
        let before = try ledgerBytes(ledger)
        for secret in ["Zebulon", "Xylophonic", "Flimflam", "Quibbleworth"] {
            XCTAssertNotNil(before.range(of: Data(secret.utf8)), "the test should see \(secret) before forget")
        }
        let countsBefore = try ledger.allEvents().count

        let forgotten = try ledger.forget(person: 1, at: at, day: day, source: "ctl", request: nil)
        XCTAssertEqual(forgotten.notesErased, 1)
        try ledger.compact(patience: 1)

        let after = try ledgerBytes(ledger)
        for secret in ["Zebulon", "zebulon", "Quartermain", "Xylophonic", "Flimflam", "Quibbleworth"] {
            XCTAssertNil(after.range(of: Data(secret.utf8)), "\(secret) is still in the ledger files")
        }
        XCTAssertNotNil(after.range(of: Data("Dana Kim".utf8)))
        XCTAssertEqual(try ledger.allEvents().count, countsBefore)
        XCTAssertEqual(try ledger.allEvents().compactMap(\.note), ["wrote to Dana"])
        let book = PersonBook(try ledger.personEvents())
        XCTAssertEqual(book.people.count, 2)
        XCTAssertEqual(book.person(id: 1)?.label, "#1")
        XCTAssertEqual(book.person(id: 1)?.forgotten, true)
    }

    /// A ledger written before people existed opens with its events intact, gains the people
    /// tables, and keeps refusing updates of its events other than a note's erasure.
    func testMigratesALedgerOfThePreviousSchema() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.ledgerFolder, withIntermediateDirectories: true)
        let path = folder.ledgerFolder.appendingPathComponent(Ledger.fileName).path
        do {
            let old = try DatabaseQueue(path: path)
            try LedgerSchema.migrator.migrate(old, upTo: "v3-done-totals")
            try old.write { db in
                try db.execute(sql: "INSERT INTO events (kind, at, day, action, count, note) VALUES ('done', 1, '2026-11-30', 'follow-up', 2, 'old note')")
            }
        }
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        XCTAssertEqual(try ledger.allEvents().map(\.note), ["old note"])
        XCTAssertEqual(try add(ledger, "Dana Kim").person, 1)
        let applied = try SQLiteShell.run(ledger.path, "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        XCTAssertTrue(applied.standardOutput.split(separator: "\n").contains("v6-people"), applied.standardOutput)
        XCTAssertThrowsError(try ledger.write { db in try db.execute(sql: "UPDATE events SET count = 5") })
    }
}
