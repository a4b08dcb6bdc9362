import Foundation
import SalesLedger
import SalesPlan
import XCTest

/// Kills a process that is appending to a ledger and checks nothing it acknowledged was lost.
///
/// The test binary runs itself as the writer: `testWriterAppendsUntilKilled` writes until
/// killed when the parent test set `childEnvironmentKey` to the ledger folder.
final class LedgerCrashTests: XCTestCase {
    private static let childEnvironmentKey = "SALESD_LEDGER_CRASH_WRITER"
    private static let acknowledged = 50

    /// Every event acknowledged by a writer killed with SIGKILL is in the ledger afterwards.
    func testSigkilledWriterLosesNoAcknowledgedEvent() throws {
        let folder = try TemporaryFolder()
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        writer.arguments = ["SalesLedgerTests.LedgerCrashTests/testWriterAppendsUntilKilled"]
        writer.environment = ProcessInfo.processInfo.environment
            .merging([Self.childEnvironmentKey: folder.ledgerFolder.path]) { $1 }
        let output = Pipe()
        writer.standardOutput = output
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        defer { if writer.isRunning { kill(writer.processIdentifier, SIGKILL) } }

        let enough = expectation(description: "writer acknowledged \(Self.acknowledged) events")
        let reader = AcknowledgementReader(output.fileHandleForReading, until: Self.acknowledged) { enough.fulfill() }
        reader.start()
        wait(for: [enough], timeout: 60)
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        let acknowledgedIDs = reader.ids()

        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        let storedIDs = Set(try ledger.allEvents().compactMap(\.id))
        XCTAssertEqual(writer.terminationReason, .uncaughtSignal)
        XCTAssertGreaterThanOrEqual(acknowledgedIDs.count, Self.acknowledged)
        XCTAssertTrue(Set(acknowledgedIDs).isSubset(of: storedIDs), "lost: \(Set(acknowledgedIDs).subtracting(storedIDs).sorted())")
        XCTAssertEqual(try ledger.integrityCheck(), "ok")
    }

    /// The writer half of the test above. Run on its own (no parent), it appends a few hundred
    /// events to a ledger of its own and checks that each acknowledged one is stored once.
    func testWriterAppendsUntilKilled() throws {
        guard let path = ProcessInfo.processInfo.environment[Self.childEnvironmentKey] else {
            let folder = try TemporaryFolder()
            let ledger = try Ledger.open(directory: folder.ledgerFolder)
            let acknowledged = try (1...300).map { try ledger.append(Samples.done(count: $0)).id! }
            let stored = try Ledger.open(directory: folder.ledgerFolder).allEvents().compactMap(\.id)
            XCTAssertEqual(stored, acknowledged)
            return
        }
        let ledger = try Ledger.open(directory: URL(fileURLWithPath: path, isDirectory: true))
        for count in 1...100_000 {
            let stored = try ledger.append(Samples.done(count: count))
            FileHandle.standardOutput.write(Data("acked \(stored.id!)\n".utf8))
        }
    }
}
