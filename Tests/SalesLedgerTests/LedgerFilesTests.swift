import Foundation
import SalesLedger
import XCTest

final class LedgerFilesTests: XCTestCase {
    /// A new ledger folder is private (0700) and so are the ledger file and its WAL (0600).
    func testNewFolderAndFileArePrivate() throws {
        let folder = try TemporaryFolder()
        let nested = folder.url.appendingPathComponent("a/b/salesd", isDirectory: true)

        let ledger = try Ledger.open(directory: nested)
        try ledger.append(Samples.done())

        XCTAssertEqual(try mode(nested.path), 0o700)
        XCTAssertEqual(ledger.path, nested.appendingPathComponent("ledger.sqlite").path)
        XCTAssertEqual(try mode(ledger.path), 0o600)
        XCTAssertEqual(try mode(ledger.path + "-wal"), 0o600)
    }

    /// A folder and file that already exist with open modes are made private on open.
    func testLooseModesAreTightened() throws {
        let folder = try TemporaryFolder()
        let state = folder.ledgerFolder
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o755])
        let file = state.appendingPathComponent("ledger.sqlite").path
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: nil, attributes: [.posixPermissions: 0o644]))

        _ = try Ledger.open(directory: state)

        XCTAssertEqual(try mode(state.path), 0o700)
        XCTAssertEqual(try mode(file), 0o600)
    }

    /// A folder that cannot be created gives an error naming it, the reason and a hint.
    func testUncreatableFolderExplainsItself() throws {
        let folder = try TemporaryFolder()
        let blocker = folder.url.appendingPathComponent("a-file")
        XCTAssertTrue(FileManager.default.createFile(atPath: blocker.path, contents: Data("x".utf8)))
        let impossible = blocker.appendingPathComponent("salesd")

        XCTAssertThrowsError(try Ledger.open(directory: impossible)) { error in
            let error = error as? LedgerError
            XCTAssertEqual(error?.code, .cannotCreateFolder)
            XCTAssertEqual(error?.path, impossible.path)
            XCTAssertEqual(error?.description, """
                cannot create ledger folder \(impossible.path): \(impossible.path): Not a directory \
                (check that its parent exists and is writable by you, or set STATE_DIRECTORY or XDG_STATE_HOME)
                """)
        }
    }

    /// A ledger path that cannot be opened as a file says so, quoting the path, with a hint.
    func testUnopenableFileExplainsItself() throws {
        let folder = try TemporaryFolder()
        let file = folder.ledgerFolder.appendingPathComponent("ledger.sqlite")
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)

        XCTAssertThrowsError(try Ledger.open(directory: folder.ledgerFolder)) { error in
            XCTAssertEqual(error as? LedgerError, LedgerError(.cannotOpen, path: file.path, detail: "Is a directory"))
            XCTAssertEqual("\(error)", """
                cannot open ledger \(file.path): Is a directory \
                (check that the folder exists and is writable by you)
                """)
        }
    }

    /// A file that is not an SQLite database is reported as damaged, with the recovery command.
    func testDamagedFileSuggestsRecovery() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.ledgerFolder, withIntermediateDirectories: true)
        let file = folder.ledgerFolder.appendingPathComponent("ledger.sqlite").path
        let garbage = Data(String(repeating: "not a database ", count: 100).utf8)
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: garbage))

        XCTAssertThrowsError(try Ledger.open(directory: folder.ledgerFolder)) { error in
            XCTAssertEqual((error as? LedgerError)?.code, .corrupt)
            XCTAssertTrue("\(error)".contains("restore a backup with `salesd restore FILE`, or salvage what can still be read with `sqlite3 \(file) .dump"), "\(error)")
        }
    }

    /// systemd's STATE_DIRECTORY wins, then XDG_STATE_HOME, then ~/.local/state.
    func testDefaultDirectoryPrecedence() {
        let home = ["HOME": "/home/ana"]
        let xdg = home.merging(["XDG_STATE_HOME": "/var/xdg"]) { $1 }
        let systemd = xdg.merging(["STATE_DIRECTORY": "/var/lib/salesd:/var/lib/other"]) { $1 }

        XCTAssertEqual(Ledger.defaultDirectory(environment: systemd).path, "/var/lib/salesd")
        XCTAssertEqual(Ledger.defaultDirectory(environment: xdg).path, "/var/xdg/salesd")
        XCTAssertEqual(Ledger.defaultDirectory(environment: home).path, "/home/ana/.local/state/salesd")
    }

    /// Empty or relative XDG_STATE_HOME and empty STATE_DIRECTORY are ignored.
    func testDefaultDirectoryIgnoresInvalidValues() {
        let environment = ["HOME": "/home/ana", "XDG_STATE_HOME": "relative/state", "STATE_DIRECTORY": ""]

        XCTAssertEqual(Ledger.defaultDirectory(environment: environment).path, "/home/ana/.local/state/salesd")
        XCTAssertEqual(Ledger.defaultDirectory(environment: ["HOME": "/h", "XDG_STATE_HOME": ""]).path,
                       "/h/.local/state/salesd")
    }

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try XCTUnwrap(attributes[.posixPermissions] as? Int)
    }
}
