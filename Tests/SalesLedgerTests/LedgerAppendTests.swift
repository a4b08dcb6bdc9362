import Foundation
import SalesLedger
import SalesPlan
import XCTest

final class LedgerAppendTests: XCTestCase {
    /// Every field of every kind of event reads back exactly as written, instants to the millisecond.
    func testEveryKindRoundTripsEveryField() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        let target = try ledger.append(Samples.full(.done, slot: "target"))
        var written = [target]
        for (index, kind) in Event.Kind.allCases.enumerated() {
            let ref = kind == .undo ? target.id : nil
            written.append(try ledger.append(Samples.full(kind, slot: "slot-\(index)", ref: ref)))
        }

        let read = try ledger.allEvents()

        XCTAssertEqual(read, written)
        XCTAssertEqual(Set(read.map(\.kind)), Set(Event.Kind.allCases))
    }

    /// An event with no optional fields reads back with none, not with zeros or empty strings.
    func testEmptyOptionalFieldsStayEmpty() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        let bare = Event(kind: .dayOff, at: Samples.instant(-1_234), day: Samples.day)

        let stored = try ledger.append(bare)

        XCTAssertEqual(try ledger.allEvents(), [stored])
        XCTAssertEqual(stored.at, Samples.instant(-1_234), "an instant before 1970 survives too")
    }

    /// Appended events get increasing ids, and the returned copies carry them.
    func testIdsIncrease() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)

        let first = try ledger.append(Samples.done())
        let batch = try ledger.append([Samples.done(count: 2), Samples.done(count: 3)])
        let last = try ledger.append(Samples.done(count: 4))

        let ids = ([first] + batch + [last]).compactMap(\.id)
        XCTAssertEqual(ids.count, 4)
        XCTAssertEqual(ids, ids.sorted())
        XCTAssertEqual(Set(ids).count, 4)
        XCTAssertEqual(try ledger.allEvents().map(\.count), [1, 2, 3, 4])
    }

    /// A batch with one bad event records nothing at all.
    func testBatchIsAllOrNothing() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        let dangling = Event(kind: .undo, at: Samples.instant(0), day: Samples.day, ref: 999)

        XCTAssertThrowsError(try ledger.append([Samples.done(), dangling])) { error in
            XCTAssertEqual((error as? LedgerError)?.code, .invalidEvent)
        }
        XCTAssertEqual(try ledger.count(), 0)
    }

    /// Another process sees an event as soon as append returns: it is committed, not buffered.
    func testAppendedEventIsVisibleToAnotherProcessAtOnce() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)

        let stored = try ledger.append(Samples.done(count: 7))

        let output = try SQLiteShell.run(ledger.path, "SELECT id, kind, count FROM events")
        XCTAssertEqual(output.status, 0, output.standardError)
        XCTAssertEqual(output.standardOutput, "\(stored.id!)|done|7")
    }

    /// A second Ledger on the same file sees what the first appended, immediately.
    func testSecondInstanceSeesAppendedEvent() throws {
        let folder = try TemporaryFolder()
        let writer = try Ledger.open(directory: folder.ledgerFolder)
        let reader = try Ledger.open(directory: folder.ledgerFolder)

        let stored = try writer.append(Samples.done())

        XCTAssertEqual(try reader.allEvents(), [stored])
    }

    /// Twenty thousand events appended in one call read back correctly by day range.
    func testLargeBatchReadsBackByDay() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        let start = LocalDay(year: 2025, month: 1, day: 1)!
        let events = (0..<20_000).map { index in
            Samples.done(day: start.adding(days: index / 50), count: index)
        }

        try ledger.append(events)

        let week = try ledger.events(from: start.adding(days: 100), through: start.adding(days: 106))
        XCTAssertEqual(try ledger.count(), 20_000)
        XCTAssertEqual(week.count, 7 * 50)
        XCTAssertEqual(week.map(\.count), (100 * 50..<107 * 50).map { $0 })
        XCTAssertEqual(week.first?.day, start.adding(days: 100))
        XCTAssertEqual(week.last?.day, start.adding(days: 106))
    }
}
