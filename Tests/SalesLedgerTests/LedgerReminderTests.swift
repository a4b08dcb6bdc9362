import Foundation
import SalesLedger
import SalesPlan
import XCTest

final class LedgerReminderTests: XCTestCase {
    /// A reminder occurrence is recorded once; asking again, even after a restart, records nothing.
    func testReminderIsRecordedOnceAcrossReopen() throws {
        let folder = try TemporaryFolder()
        let first = try XCTUnwrap(try Ledger.open(directory: folder.ledgerFolder).recordReminder(Samples.reminder()))
        XCTAssertNotNil(first.id)

        let reopened = try Ledger.open(directory: folder.ledgerFolder)

        XCTAssertNil(try reopened.recordReminder(Samples.reminder()))
        XCTAssertTrue(try reopened.reminderExists(action: "follow-up", day: Samples.day, slot: "09:30"))
        XCTAssertEqual(try reopened.allEvents(), [first])
    }

    /// A slot recorded as missed is not fired later, and the other way round.
    func testMissedAndFiredShareTheSlot() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)

        XCTAssertNotNil(try ledger.recordReminder(Samples.reminder(kind: .missed)))

        XCTAssertNil(try ledger.recordReminder(Samples.reminder(kind: .reminder)))
        XCTAssertEqual(try ledger.count(), 1)
    }

    /// Other slots, days and actions are separate occurrences.
    func testDistinctOccurrencesAreAllRecorded() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        let occurrences = [
            Samples.reminder(),
            Samples.reminder(slot: "10:30"),
            Samples.reminder(day: Samples.day.adding(days: 1)),
            Samples.reminder(action: "@morning"),
        ]

        for occurrence in occurrences {
            XCTAssertNotNil(try ledger.recordReminder(occurrence))
        }

        XCTAssertEqual(try ledger.count(), 4)
        XCTAssertFalse(try ledger.reminderExists(action: "follow-up", day: Samples.day, slot: "11:30"))
    }

    /// Appending a duplicate reminder directly is refused by the schema, not silently stored.
    func testDuplicateReminderAppendIsRefused() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        try ledger.append(Samples.reminder())

        XCTAssertThrowsError(try ledger.append(Samples.reminder())) { error in
            XCTAssertEqual((error as? LedgerError)?.code, .duplicateReminder)
        }
    }

    /// recordReminder takes only reminder or missed events with an action and a slot.
    func testRecordReminderRejectsOtherEvents() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        var slotless = Samples.reminder()
        slotless.slot = nil

        for event in [Samples.done(), slotless] {
            XCTAssertThrowsError(try ledger.recordReminder(event)) { error in
                XCTAssertEqual((error as? LedgerError)?.code, .invalidEvent)
            }
        }
        XCTAssertEqual(try ledger.count(), 0)
    }
}
