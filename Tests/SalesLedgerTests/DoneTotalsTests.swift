import Foundation
@testable import SalesLedger
import SalesPlan
import XCTest

/// The per-day done totals are a cache of the events and never disagree with them.
final class DoneTotalsTests: XCTestCase {
    /// After 400 random dones and undos (some undone twice, some of other kinds), the cache equals a recount.
    func testCacheMatchesARecountOfTheEvents() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        var generator = SystemRandomNumberGenerator()
        var dones: [Event] = []
        for n in 0..<400 {
            let day = Samples.day.adding(days: Int.random(in: 0..<10, using: &generator))
            if n % 5 == 4, let target = dones.randomElement(using: &generator) {
                try ledger.append(Event(kind: .undo, at: Samples.instant(Int64(n)), day: target.day,
                                        action: target.action, count: target.count, ref: target.id, source: "ctl"))
            } else if n % 7 == 6 {
                try ledger.append(Event(kind: .skip, at: Samples.instant(Int64(n)), day: day, action: "calls", source: "ctl"))
            } else {
                let action = ["calls", "follow-up", "requests"].randomElement(using: &generator)!
                dones.append(try ledger.append(Samples.done(day: day, count: Int.random(in: 1...5), action: action)))
            }
        }
        let totals = try ledger.doneTotals()
        XCTAssertFalse(totals.recounted.isEmpty)
        XCTAssertEqual(totals.cached, totals.recounted)
    }

    /// A ledger from before the cache gets it filled from its events by the migration.
    func testMigrationFillsTheCacheFromExistingEvents() throws {
        let folder = try TemporaryFolder()
        let stored: [Event]
        do {
            let ledger = try Ledger.open(directory: folder.ledgerFolder)
            stored = try ledger.append([Samples.done(count: 2), Samples.done(count: 3, action: "calls")])
            try ledger.append(Event(kind: .undo, at: Samples.instant(1), day: Samples.day, action: "calls",
                                    count: 3, ref: stored[1].id, source: "ctl"))
            // As a ledger written before v3 would be: no cache, no record of the migration.
            try ledger.write { db in
                try db.execute(sql: """
                    DROP TRIGGER done_totals_add; DROP TRIGGER done_totals_undo; DROP TABLE done_totals;
                    DELETE FROM grdb_migrations WHERE identifier = 'v3-done-totals';
                    """)
            }
        }
        let reopened = try Ledger.open(directory: folder.ledgerFolder)
        let totals = try reopened.doneTotals()
        XCTAssertEqual(totals.cached, ["\(Samples.day) follow-up": 2])
        XCTAssertEqual(totals.cached, totals.recounted)
    }
}
