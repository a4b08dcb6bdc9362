import Foundation
import SalesLedger
import XCTest

/// Backups, restores and the checkpoint that makes `ledger.sqlite` complete on its own.
final class LedgerBackupTests: XCTestCase {
    /// After a checkpoint, a copy of `ledger.sqlite` alone (no -wal) holds every event.
    func testCheckpointLeavesEverythingInTheMainFile() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        try ledger.append([Samples.done(count: 1), Samples.done(count: 2)])
        try ledger.checkpoint()

        let copy = folder.url.appendingPathComponent("copy", isDirectory: true)
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ledger.path, toPath: copy.appendingPathComponent(Ledger.fileName).path)
        XCTAssertEqual(try Ledger.openReadOnly(directory: copy).allEvents().map(\.count), [1, 2])
    }

    /// A backup from a read-only connection, taken while a writer holds the ledger, is one sound file.
    func testBackupWhileAWriterHasItOpen() throws {
        let folder = try TemporaryFolder()
        let writer = try Ledger.open(directory: folder.ledgerFolder)
        try writer.append((1...50).map { Samples.done(count: $0) })
        let file = folder.url.appendingPathComponent("backup.sqlite").path

        XCTAssertEqual(try Ledger.openReadOnly(directory: folder.ledgerFolder).backup(to: file), 50)
        try writer.append(Samples.done(count: 51))
        XCTAssertFalse(FileManager.default.fileExists(atPath: file + "-wal"))
        let copy = try Ledger.openReadOnly(file: file)
        XCTAssertEqual(try copy.count(), 50)
        XCTAssertEqual(try copy.integrityCheck(), "ok")
    }

    /// A restore keeps the replaced ledger aside, and the restored one is in use at once.
    func testRestoreKeepsTheOldLedgerAside() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("backup.sqlite").path
        do {
            let ledger = try Ledger.open(directory: folder.ledgerFolder)
            try ledger.append(Samples.done(count: 7))
            try ledger.backup(to: file)
            try ledger.append(Samples.done(count: 8))
        }
        let now = Date(timeIntervalSince1970: 1_796_000_000)

        let restored = try StateFolder.restore(file, into: folder.ledgerFolder, now: now)
        let aside = folder.ledgerFolder.appendingPathComponent("ledger.sqlite.before-restore-20261130T005320Z").path
        XCTAssertEqual(restored, Ledger.Restored(events: 1, keptAside: aside))
        XCTAssertEqual(try Ledger.open(directory: folder.ledgerFolder).allEvents().map(\.count), [7])
        XCTAssertEqual(try Ledger.openReadOnly(file: aside).allEvents().map(\.count), [7, 8])
        let again = try StateFolder.restore(file, into: folder.ledgerFolder, now: now)
        XCTAssertEqual(again.keptAside, aside + "-2")
    }

    /// A file that is not a salesd ledger, and a folder a daemon holds, are refused; nothing changes.
    func testRestoreRefusesAStrangerAndALockedFolder() throws {
        let folder = try TemporaryFolder()
        let stranger = folder.url.appendingPathComponent("notes.txt").path
        try Data("not a ledger".utf8).write(to: URL(fileURLWithPath: stranger))
        let plain = folder.url.appendingPathComponent("plain.sqlite").path
        XCTAssertEqual(try SQLiteShell.run(plain, "CREATE TABLE t(x);").status, 0)

        XCTAssertThrowsError(try StateFolder.restore(stranger, into: folder.ledgerFolder)) { error in
            XCTAssertEqual((error as? LedgerError)?.code, .notALedger, "\(error)")
        }
        XCTAssertThrowsError(try StateFolder.restore(plain, into: folder.ledgerFolder)) { error in
            XCTAssertEqual(error as? LedgerError, LedgerError(.notALedger, path: plain, detail: "it has no salesd events table"))
        }
        let daemon = try StateFolder.take(folder.ledgerFolder, role: "salesd run")
        let backup = folder.url.appendingPathComponent("backup.sqlite").path
        try daemon.ledger.backup(to: backup)
        XCTAssertThrowsError(try StateFolder.restore(backup, into: folder.ledgerFolder)) { error in
            XCTAssertEqual((error as? LedgerError)?.code, .inUse)
            XCTAssertTrue("\(error)".contains("salesd run (pid \(getpid()))"), "\(error)")
        }
    }
}

extension LedgerBackupTests {
    /// A reader in the middle of a read keeps the checkpoint from finishing: it says so, within its patience.
    func testCheckpointGivesUpOnAReaderWithinItsPatience() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        try ledger.append(Samples.done(count: 1))
        let reader = try Ledger.openReadOnly(directory: folder.ledgerFolder)
        var outcome: LedgerError?
        let started = Date()
        try reader.forEachEvent { _ in
            do { try ledger.checkpoint(patience: 1) } catch { outcome = error as? LedgerError }
        }
        XCTAssertEqual(outcome?.code, .busy)
        XCTAssertLessThan(Date().timeIntervalSince(started), 4)
        XCTAssertNoThrow(try ledger.checkpoint())
    }
}
