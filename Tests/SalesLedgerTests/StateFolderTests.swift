import Foundation
import SalesLedger
import XCTest

/// One process per ledger folder, and never a silently new ledger where one was before.
final class StateFolderTests: XCTestCase {
    /// A second taker of a locked folder is refused with the holder's role and pid.
    func testSecondTakerIsRefusedNamingTheHolder() throws {
        let folder = try TemporaryFolder()
        let first = try StateFolder.take(folder.ledgerFolder, role: "salesd run")

        XCTAssertThrowsError(try StateFolder.take(folder.ledgerFolder, role: "salesd import")) { error in
            let lock = folder.ledgerFolder.appendingPathComponent("ledger.lock").path
            XCTAssertEqual(error as? LedgerError, LedgerError(
                .inUse, path: folder.ledgerFolder.path, detail: "salesd run (pid \(getpid())) holds \(lock)"))
            XCTAssertTrue("\(error)".hasSuffix("(stop it first, e.g. `systemctl --user stop salesd`; one salesd per ledger)"))
        }
        XCTAssertEqual(StateLock.holder(folder: folder.ledgerFolder), "salesd run (pid \(getpid()))")
        withExtendedLifetime(first) {}
    }

    /// Once the holder lets go, the folder can be taken again and nobody is named as holder.
    func testLockIsReleasedWithItsHolder() throws {
        let folder = try TemporaryFolder()
        do { _ = try StateFolder.take(folder.ledgerFolder, role: "salesd run") }
        XCTAssertNil(StateLock.holder(folder: folder.ledgerFolder))
        XCTAssertNoThrow(try StateFolder.take(folder.ledgerFolder, role: "salesd run"))
    }

    /// A folder whose ledger was deleted is not given a new, empty ledger unless asked for one.
    func testMissingLedgerWhereOneWasIsRefused() throws {
        let folder = try TemporaryFolder()
        do {
            let state = try StateFolder.take(folder.ledgerFolder, role: "salesd run")
            try state.ledger.append(Samples.done())
        }
        XCTAssertTrue(LedgerMarker.exists(for: folder.ledgerFolder))
        try FileManager.default.removeItem(at: folder.ledgerFolder)

        XCTAssertThrowsError(try StateFolder.take(folder.ledgerFolder, role: "salesd run")) { error in
            XCTAssertEqual((error as? LedgerError)?.code, .missing)
            XCTAssertTrue("\(error)".hasSuffix("""
                (restore a backup with `salesd restore FILE`, or start over with an empty ledger: `salesd prepare-state --new-ledger`, or `salesd run --new-ledger` in a terminal)
                """), "\(error)")
        }
        let fresh = try StateFolder.take(folder.ledgerFolder, role: "salesd run", newLedger: true)
        XCTAssertEqual(try fresh.ledger.count(), 0)
    }

    /// A ledger file emptied to 0 bytes counts as missing, not as a new ledger.
    func testEmptiedLedgerWhereOneWasIsRefused() throws {
        let folder = try TemporaryFolder()
        do { _ = try StateFolder.take(folder.ledgerFolder, role: "salesd run") }
        let file = folder.ledgerFolder.appendingPathComponent(Ledger.fileName).path
        XCTAssertEqual(truncate(file, 0), 0)
        for companion in ["-wal", "-shm"] { unlink(file + companion) }

        XCTAssertThrowsError(try StateFolder.take(folder.ledgerFolder, role: "salesd run")) { error in
            XCTAssertEqual((error as? LedgerError)?.code, .missing)
        }
    }

    /// A ledger with a damaged page is refused at start with the commands that repair it.
    func testDamagedLedgerIsRefusedAtStart() throws {
        let folder = try TemporaryFolder()
        let file = folder.ledgerFolder.appendingPathComponent(Ledger.fileName).path
        do {
            let ledger = try Ledger.open(directory: folder.ledgerFolder)
            try ledger.append((1...3000).map { Samples.done(count: $0) })
            try ledger.checkpoint()
        }
        // Overwrite the middle of the file (a B-tree page, not the header) with garbage.
        let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: file))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2 / 4096 * 4096)
        handle.write(Data(repeating: 0x5A, count: 4096))
        try handle.close()

        XCTAssertThrowsError(try StateFolder.take(folder.ledgerFolder, role: "salesd run")) { error in
            XCTAssertEqual((error as? LedgerError)?.code, .corrupt, "\(error)")
            XCTAssertTrue("\(error)".contains("`salesd restore FILE`"), "\(error)")
            XCTAssertTrue("\(error)".contains("sqlite3 \(file) .dump"), "\(error)")
        }
    }

    /// A ledger left in systemd 252's ~/.config/salesd moves, log included, into the folder, which says so.
    func testLegacyLedgerIsMovedWithItsLog() throws {
        let folder = try TemporaryFolder()
        let legacy = folder.url.appendingPathComponent("config/salesd", isDirectory: true)
        let old = try Ledger.open(directory: legacy)
        try old.append([Samples.done(count: 1), Samples.done(count: 2)])
        XCTAssertTrue(FileManager.default.fileExists(atPath: legacy.appendingPathComponent("ledger.sqlite-wal").path))

        let state = try StateFolder.take(folder.ledgerFolder, role: "salesd run", legacy: legacy)
        XCTAssertEqual(state.notes, ["""
            moved the ledger from \(legacy.path)/ledger.sqlite to \(folder.ledgerFolder.path)/ledger.sqlite, \
            where every salesd command finds it
            """])
        XCTAssertEqual(try state.ledger.allEvents().map(\.count), [1, 2])
        XCTAssertFalse(FileManager.default.fileExists(atPath: legacy.appendingPathComponent("ledger.sqlite").path))
        withExtendedLifetime(old) {}
    }

    /// systemd 252's STATE_DIRECTORY (the config folder) is not the ledger's folder; others still are.
    func testStateDirectoryUnderConfigIsIgnored() {
        let environment = ["HOME": "/home/ana", "STATE_DIRECTORY": "/home/ana/.config/salesd"]
        XCTAssertEqual(Ledger.defaultDirectory(environment: environment).path, "/home/ana/.local/state/salesd")
        XCTAssertEqual(Ledger.legacyDirectory(environment: environment).path, "/home/ana/.config/salesd")
        let custom = ["HOME": "/home/ana", "XDG_CONFIG_HOME": "/cfg", "STATE_DIRECTORY": "/cfg/salesd"]
        XCTAssertEqual(Ledger.defaultDirectory(environment: custom).path, "/home/ana/.local/state/salesd")
    }
}
