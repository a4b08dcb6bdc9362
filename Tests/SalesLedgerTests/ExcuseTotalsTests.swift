import Foundation
import GRDB
@testable import SalesLedger
import SalesPlan
import XCTest

/// The per-day skips and days off are a cache of the events and never disagree with them.
final class ExcuseTotalsTests: XCTestCase {
    /// After 400 random skips, days off, dones, results and undos of any of them (some undone
    /// twice), the cache equals a recount.
    func testCacheMatchesARecountOfTheEvents() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        try Self.appendRandomHistory(to: ledger, count: 400)

        let totals = try ledger.excuseTotals()

        XCTAssertTrue(totals.recounted.keys.contains { $0.contains(" skip ") }, "\(totals.recounted)")
        XCTAssertTrue(totals.recounted.keys.contains { $0.contains(" day-off ") }, "\(totals.recounted)")
        XCTAssertEqual(totals.cached, totals.recounted)
    }

    /// An undo takes its skip or day off out of the cache once, however often it is repeated;
    /// an undo of a done or result leaves the cache alone.
    func testUndoCancelsOnce() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        let day = Samples.day
        let stored = try ledger.append([
            Event(kind: .skip, at: Samples.instant(1), day: day, action: "calls"),
            Event(kind: .skip, at: Samples.instant(2), day: day, action: "calls"),
            Event(kind: .dayOff, at: Samples.instant(3), day: day.adding(days: 1)),
            Samples.done(day: day.adding(days: 1)),
        ])
        for ref in [stored[0].id, stored[0].id, stored[2].id, stored[3].id] {
            try ledger.append(Event(kind: .undo, at: Samples.instant(4), day: day, ref: ref))
        }

        let totals = try ledger.excuseTotals()

        XCTAssertEqual(totals.cached, ["\(day) skip calls": 1])
        XCTAssertEqual(totals.cached, totals.recounted)
    }

    /// An imported export fills the cache as the events come in, undos included.
    func testImportFillsTheCache() throws {
        let folder = try TemporaryFolder()
        let source = try Ledger.open(directory: folder.ledgerFolder)
        try Self.appendRandomHistory(to: source, count: 200)
        let target = try Ledger.open(directory: folder.url.appendingPathComponent("imported"))

        try target.importEvents(try source.allEvents())

        let imported = try target.excuseTotals()
        XCTAssertFalse(imported.cached.isEmpty)
        XCTAssertEqual(imported.cached, imported.recounted)
        XCTAssertEqual(imported.cached, try source.excuseTotals().recounted)
    }

    /// A ledger of the schema before the cache (v6) gets it filled from its events by the
    /// migration, and kept from then on.
    func testMigrationFillsTheCacheFromExistingEvents() throws {
        let folder = try Self.folder(migratedUpTo: "v6-people") { db in
            try Self.appendRandomHistory(count: 200) { try EventRecord.insert($0, db) }
        }
        let reopened = try Ledger.open(directory: folder.ledgerFolder)
        let migrated = try reopened.excuseTotals()
        let later = Samples.day.adding(days: 30)
        try reopened.append(Event(kind: .skip, at: Samples.instant(9), day: later, action: "new"))

        XCTAssertFalse(migrated.cached.isEmpty)
        XCTAssertEqual(migrated.cached, migrated.recounted)
        let afterwards = try reopened.excuseTotals()
        XCTAssertEqual(afterwards.cached["\(later) skip new"], 1)
        XCTAssertEqual(afterwards.cached, afterwards.recounted)
    }

    /// The undo triggers find an earlier undo of the same event through the undo index, also in
    /// a ledger made before the index existed (the migration adds it), not by reading every undo.
    func testUndoTriggersLookUpEarlierUndosByIndexAfterAMigration() throws {
        let folder = try Self.folder(migratedUpTo: "v7-excuse-totals")
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        let lookup = "SELECT 1 FROM events WHERE kind = 'undo' AND ref = NEW.ref AND id <> NEW.id"

        let (triggers, plan): ([String], [String]) = try ledger.read { db in
            let triggers = try String.fetchAll(db, sql: """
                SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('done_totals_undo', 'excuse_totals_undo')
                """)
            let bound = lookup.replacingOccurrences(of: "NEW.", with: ":")
            let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + bound, arguments: ["ref": 1, "id": 2])
                .map { $0["detail"] as String }
            return (triggers, plan)
        }

        XCTAssertEqual(triggers.count, 2)
        XCTAssertTrue(triggers.allSatisfy { $0.contains(lookup) }, "the triggers ask what is explained here")
        XCTAssertEqual(plan, ["SEARCH events USING INDEX events_undo_ref (ref=?)"])
    }

    /// A ledger folder whose file has the schema up to `migration`, with what `fill` wrote then.
    private static func folder(migratedUpTo migration: String, fill: (Database) throws -> Void = { _ in })
        throws -> TemporaryFolder
    {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.ledgerFolder, withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: folder.ledgerFolder.appendingPathComponent(Ledger.fileName).path)
        try LedgerSchema.migrator.migrate(old, upTo: migration)
        try old.write(fill)
        return folder
    }

    /// Appends `count` events over ten days: skips of two actions, days off, dones, results,
    /// and every fifth an undo of one of those, chosen at random (so some twice).
    private static func appendRandomHistory(to ledger: Ledger, count: Int) throws {
        try appendRandomHistory(count: count) { try ledger.append($0) }
    }

    private static func appendRandomHistory(count: Int, append: (Event) throws -> Event) throws {
        var generator = SystemRandomNumberGenerator()
        var undoable: [Event] = []
        for n in 0..<count {
            let day = Samples.day.adding(days: Int.random(in: 0..<10, using: &generator))
            let at = Samples.instant(Int64(n))
            if n % 5 == 4, let target = undoable.randomElement(using: &generator) {
                _ = try append(Event(kind: .undo, at: at, day: target.day, ref: target.id, source: "ctl"))
                continue
            }
            let event: Event
            switch n % 4 {
            case 0: event = Event(kind: .skip, at: at, day: day, action: ["calls", "posts"].randomElement(using: &generator)!)
            case 1: event = Event(kind: .dayOff, at: at, day: day)
            case 2: event = Samples.done(day: day)
            default: event = Event(kind: .result, at: at, day: day, resultKind: "client", value: 1)
            }
            undoable.append(try append(event))
        }
    }
}
