import Foundation
import GRDB
@testable import SalesLedger
import SalesPlan
import XCTest

final class LedgerQueryTests: XCTestCase {
    private var folder: TemporaryFolder!
    /// A new, empty ledger for each test.
    private var ledger: Ledger!

    override func setUpWithError() throws {
        folder = try TemporaryFolder()
        ledger = try Ledger.open(directory: folder.ledgerFolder)
    }

    override func tearDown() {
        ledger = nil
        folder = nil
    }

    /// A day range returns exactly the events of those days, in recorded order.
    func testEventsFromThroughFiltersByDay() throws {
        let monday = Samples.day
        let stored = try ledger.append([
            Samples.done(day: monday.adding(days: 2), count: 1),
            Samples.done(day: monday.adding(days: -1), count: 2),
            Samples.done(day: monday, count: 3),
            Samples.done(day: monday.adding(days: 7), count: 4),
            Samples.done(day: monday.adding(days: 6), count: 5),
        ])

        let week = try ledger.events(from: monday, through: monday.adding(days: 6))

        XCTAssertEqual(week, [stored[0], stored[2], stored[4]])
        XCTAssertEqual(try ledger.events(from: monday.adding(days: 3), through: monday.adding(days: 5)), [])
    }

    /// A restart reads every event but reminders, and of those only each snooze end and the latest
    /// time per action, day and kind: the engine counts the earlier times as dealt with.
    func testEventsForRestartKeepTheLatestReminderOfEachDay() throws {
        let monday = Samples.day
        var stored: [Event] = []
        for slot in ["09:30", "10:30", "11:30", "10:45:30"] { stored.append(try XCTUnwrap(try ledger.recordReminder(Samples.reminder(slot: slot)))) }
        let missed = try XCTUnwrap(try ledger.recordReminder(Samples.reminder(slot: "08:00", kind: .missed)))
        let snooze = try XCTUnwrap(try ledger.recordReminder(Samples.reminder(slot: "snooze@10:12:05")))
        let otherAction = try XCTUnwrap(try ledger.recordReminder(Samples.reminder(action: "connect", slot: "09:00")))
        let nextDay = try XCTUnwrap(try ledger.recordReminder(Samples.reminder(day: monday.adding(days: 1), slot: "09:30")))
        let done = try ledger.append([Samples.done(day: monday)])[0]

        XCTAssertEqual(try ledger.eventsForRestart(from: monday, through: monday.adding(days: 1)),
                       [stored[2], missed, snooze, otherAction, nextDay, done])
        XCTAssertEqual(try ledger.eventsForRestart(from: monday.adding(days: 1), through: monday.adding(days: 1)), [nextDay])
    }

    /// A kind filter returns only those kinds within the day range.
    func testEventsOfSomeKinds() throws {
        let monday = Samples.day
        let stored = try ledger.append([
            Samples.done(day: monday, count: 1),
            Event(kind: .skip, at: Date(timeIntervalSince1970: 1_800_000_000), day: monday, action: "calls"),
            Event(kind: .plan, at: Date(timeIntervalSince1970: 1_800_000_000), day: monday, payload: "{}"),
            Samples.done(day: monday.adding(days: 9), count: 2),
        ])

        let scored = try ledger.events(from: monday, through: monday.adding(days: 6), kinds: [.done, .skip])

        XCTAssertEqual(scored, [stored[0], stored[1]])
    }

    /// The scoreboard's days sum done counts per day and action and leave out what undo cancelled.
    func testScoredDaysSumAndApplyUndo() throws {
        let monday = Samples.day
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let stored = try ledger.append([
            Event(kind: .done, at: at, day: monday, action: "calls", count: 2),
            Event(kind: .done, at: at, day: monday, action: "calls", count: 3),
            Event(kind: .done, at: at, day: monday, action: "calls", count: 4),
            Event(kind: .result, at: at, day: monday, resultKind: "client", value: 500),
            Event(kind: .reminder, at: at, day: monday, action: "calls", slot: "09:30"),
        ])
        _ = try ledger.append([
            Event(kind: .undo, at: at, day: monday, action: "calls", count: 4, ref: stored[2].id),
            Event(kind: .undo, at: at, day: monday, ref: stored[3].id),
        ])

        let scored = try ledger.scoredDays(from: monday, through: monday)

        XCTAssertEqual(scored.done, [monday: ["calls": 5]], "2 + 3; the 4 was undone")
        XCTAssertEqual(scored.skipped, [:])
        XCTAssertEqual(scored.daysOff, [])
        XCTAssertEqual(scored.results, [], "the result was undone")
    }

    /// Skips and days off come once per day (and action) from their cache, results one by one in
    /// day order, backfills too, and from `resultsFrom` on only.
    func testScoredDaysReadSkipsDaysOffAndResultsInDayOrder() throws {
        let monday = Samples.day
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let stored = try ledger.append([
            Event(kind: .result, at: at, day: monday.adding(days: 1), note: "acme", resultKind: "client", value: 500),
            Event(kind: .skip, at: at, day: monday, action: "calls", note: "travelling"),  // backfilled
            Event(kind: .skip, at: at, day: monday, action: "calls", note: "twice"),
            Event(kind: .dayOff, at: at, day: monday.adding(days: 2)),
            Event(kind: .skip, at: at, day: monday.adding(days: 8), action: "calls"),  // outside the range
            Event(kind: .result, at: at, day: monday, resultKind: "proposal", value: 2),
        ])

        let scored = try ledger.scoredDays(from: monday, through: monday.adding(days: 6))
        let recent = try ledger.scoredDays(from: monday, through: monday.adding(days: 6), resultsFrom: monday.adding(days: 1))

        XCTAssertEqual(scored.skipped, [monday: ["calls"]])
        XCTAssertEqual(scored.daysOff, [monday.adding(days: 2)])
        XCTAssertEqual(scored.results.map(\.id), [stored[5].id, stored[0].id])
        XCTAssertEqual(scored.results.map(\.day), [monday, monday.adding(days: 1)])
        XCTAssertEqual(scored.results[1].resultKind, "client")
        XCTAssertEqual(scored.results[1].value, 500)
        XCTAssertEqual(recent.results.map(\.id), [stored[0].id])
        XCTAssertEqual(recent.skipped, scored.skipped, "only results start later")
    }

    /// A renamed action's done counts and skips count under its current id, added to those
    /// recorded under that id already.
    func testScoredDaysCountFormerIdsUnderTheCurrentOne() throws {
        let monday = Samples.day
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        _ = try ledger.append([
            Event(kind: .done, at: at, day: monday, action: "dials", count: 2),
            Event(kind: .done, at: at, day: monday, action: "calls", count: 3),
            Event(kind: .done, at: at, day: monday, action: "emails", count: 1),
            Event(kind: .skip, at: at, day: monday.adding(days: 1), action: "dials"),
        ])

        let scored = try ledger.scoredDays(from: monday, through: monday.adding(days: 1), renames: ["dials": "calls"])

        XCTAssertEqual(scored.done, [monday: ["calls": 5, "emails": 1]])
        XCTAssertEqual(scored.skipped, [monday.adding(days: 1): ["calls"]])
    }

    /// SQLite answers the scoreboard's result query from its index alone, without a sort,
    /// also in a ledger made before the index existed (the migration adds it).
    func testScoredRowsComeFromTheirIndexAlsoAfterAMigration() throws {
        let folder = try TemporaryFolder()
        do {
            let ledger = try Ledger.open(directory: folder.ledgerFolder)
            try ledger.write { db in
                try db.execute(sql: """
                    DROP INDEX events_scored;
                    DELETE FROM grdb_migrations WHERE identifier = 'v5-scored-index';
                    """)
            }
        }
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        let plan: [String] = try ledger.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Ledger.resultRowsSQL, arguments: ["2026-01-01", "2026-02-01"]).map { $0["detail"] as String }
        }
        let text = plan.joined(separator: "\n")
        XCTAssertTrue(text.contains("COVERING INDEX events_scored"), text)
        XCTAssertFalse(text.contains("TEMP B-TREE"), text)
    }

    /// events(after:) returns only what was recorded later.
    func testEventsAfterId() throws {
        let stored = try ledger.append([Samples.done(count: 1), Samples.done(count: 2), Samples.done(count: 3)])

        XCTAssertEqual(try ledger.events(after: stored[0].id!), Array(stored[1...]))
        XCTAssertEqual(try ledger.events(after: stored[2].id!), [])
        XCTAssertEqual(try ledger.events(after: 0), stored)
    }

    /// The latest plan is the last one recorded; plans() lists them all, oldest first.
    func testPlans() throws {
        XCTAssertNil(try ledger.latestPlan())

        let first = try ledger.append(Samples.plan(#"{"v":"a"}"#))
        try ledger.append(Samples.done())
        let second = try ledger.append(Samples.plan(#"{"v":"b"}"#))
        try ledger.append(Samples.done())

        XCTAssertEqual(try ledger.latestPlan(), second)
        XCTAssertEqual(try ledger.plans(), [first, second])
    }

    /// forEachEvent visits every event in order, and a failure in the visitor stops it and comes back.
    func testForEachEventStreamsInOrder() throws {
        struct Stop: Error, Equatable {}
        let stored = try ledger.append((1...5).map { Samples.done(count: $0) })
        var seen: [Event] = []

        try ledger.forEachEvent { seen.append($0) }
        XCTAssertEqual(seen, stored)

        seen = []
        XCTAssertThrowsError(try ledger.forEachEvent { event in
            seen.append(event)
            if seen.count == 2 { throw Stop() }
        }) { error in
            XCTAssertEqual(error as? Stop, Stop())
        }
        XCTAssertEqual(seen, Array(stored[..<2]))
    }

    /// A healthy ledger passes SQLite's integrity check, and count() follows appends.
    func testIntegrityCheckAndCount() throws {
        XCTAssertEqual(try ledger.count(), 0)

        try ledger.append([Samples.done(), Samples.full(.result)])

        XCTAssertEqual(try ledger.count(), 2)
        XCTAssertEqual(try ledger.integrityCheck(), "ok")
    }
}
