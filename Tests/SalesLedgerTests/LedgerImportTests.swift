import Foundation
import SalesLedger
import SalesPlan
import XCTest

final class LedgerImportTests: XCTestCase {
    /// An export imported into a new ledger keeps its order, and each undo still cancels its done.
    func testImportRemapsUndoRefs() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        var done = Samples.done(count: 2)
        done.id = 40
        var other = Samples.done(count: 5)
        other.id = 41
        var undo = Event(kind: .undo, at: Samples.instant(1_772_443_900_000), day: Samples.day, ref: 40, source: "ctl")
        undo.id = 45

        try ledger.importEvents([done, other, undo])

        let imported = try ledger.allEvents()
        XCTAssertEqual(imported.map(\.kind), [.done, .done, .undo])
        XCTAssertEqual(imported[2].ref, imported[0].id)
        XCTAssertEqual(imported[0].count, 2)
        XCTAssertEqual(imported.map { $0.id! }, imported.map { $0.id! }.sorted())
        XCTAssertEqual(imported[2].at, undo.at)
    }

    /// Importing into a ledger that already holds events is refused, and nothing is added.
    func testImportRefusesNonEmptyLedger() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        try ledger.append(Samples.done())

        XCTAssertThrowsError(try ledger.importEvents([Samples.done(count: 9)])) { error in
            XCTAssertEqual(error as? LedgerError,
                           LedgerError(.notEmpty, path: ledger.path, detail: "it already holds 1 events"))
            XCTAssertTrue("\(error)".hasSuffix("(import only into a new ledger: move \(ledger.path) aside first)"))
        }
        XCTAssertEqual(try ledger.count(), 1)
    }

    /// An undo whose target is not earlier in the import is refused, and nothing is imported.
    func testImportRefusesDanglingRef() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        var undo = Event(kind: .undo, at: Samples.instant(0), day: Samples.day, ref: 7)
        undo.id = 8

        XCTAssertThrowsError(try ledger.importEvents([Samples.done(), undo])) { error in
            XCTAssertEqual((error as? LedgerError)?.code, .invalidImport)
            XCTAssertTrue("\(error)".contains("event 8 refers to event 7"), "\(error)")
        }
        XCTAssertEqual(try ledger.count(), 0)
    }
}
