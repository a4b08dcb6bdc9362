import Foundation
@testable import SalesLedger
import XCTest

final class LedgerAppendOnlyTests: XCTestCase {
    /// Rewriting a recorded event through the ledger's own connection is refused with a clear error.
    func testUpdateIsRefused() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        let stored = try ledger.append(Samples.done(count: 1))

        XCTAssertThrowsError(try ledger.write { db in try db.execute(sql: "UPDATE events SET count = 5") }) { error in
            XCTAssertEqual((error as? LedgerError)?.code, .appendOnly)
            XCTAssertTrue("\(error)".contains("record an undo instead"), "\(error)")
        }
        XCTAssertEqual(try ledger.allEvents(), [stored])
    }

    /// Deleting recorded events is refused, even from another program.
    func testDeleteIsRefusedEvenFromTheShell() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        let stored = try ledger.append(Samples.done())

        XCTAssertThrowsError(try ledger.write { db in try db.execute(sql: "DELETE FROM events") }) { error in
            XCTAssertEqual((error as? LedgerError)?.code, .appendOnly)
        }
        let shell = try SQLiteShell.run(ledger.path, "DELETE FROM events")

        XCTAssertNotEqual(shell.status, 0)
        XCTAssertTrue(shell.standardError.contains("append-only"), shell.standardError)
        XCTAssertEqual(try ledger.allEvents(), [stored])
    }
}
