import Foundation
import SalesLedger
import XCTest

/// A ledger deleted or replaced under an open connection refuses writes instead of acknowledging them.
final class LedgerVanishTests: XCTestCase {
    /// After `rm -rf` of its folder, an append fails with a clear error and nothing is acknowledged.
    func testDeletedLedgerRefusesWrites() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        try ledger.append(Samples.done())
        try FileManager.default.removeItem(at: folder.ledgerFolder)

        XCTAssertThrowsError(try ledger.append(Samples.done())) { error in
            XCTAssertEqual(error as? LedgerError, LedgerError(.vanished, path: ledger.path, detail: "the file was deleted"))
            XCTAssertTrue("\(error)".contains("nothing was recorded"), "\(error)")
        }
        XCTAssertThrowsError(try ledger.recordReminder(Samples.reminder()))
    }

    /// A file moved into the ledger's place is noticed: the write goes nowhere and is refused.
    func testReplacedLedgerRefusesWrites() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        let other = try TemporaryFolder()
        _ = try Ledger.open(directory: other.ledgerFolder)
        XCTAssertEqual(rename(other.ledgerFolder.appendingPathComponent(Ledger.fileName).path, ledger.path), 0)

        XCTAssertThrowsError(try ledger.append(Samples.done())) { error in
            XCTAssertEqual(error as? LedgerError, LedgerError(
                .vanished, path: ledger.path, detail: "another file was put in its place"))
        }
    }
}
