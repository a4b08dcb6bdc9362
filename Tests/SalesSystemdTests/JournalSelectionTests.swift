import Foundation
import SalesSystemd
import XCTest

/// Where salesd writes, depending on whether journald runs and whether stderr already goes there.
final class JournalSelectionTests: XCTestCase {
    private var folder: URL!
    private var socketPath: String { folder.appendingPathComponent("socket").path }
    private var listener: Int32 = -1
    private var stderrFile: FileHandle!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("salesd-selection-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stderrPath = folder.appendingPathComponent("stderr").path
        XCTAssertTrue(FileManager.default.createFile(atPath: stderrPath, contents: nil))
        stderrFile = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
    }

    override func tearDownWithError() throws {
        if listener >= 0 { close(listener) }
        try stderrFile.close()
        try FileManager.default.removeItem(at: folder)
    }

    private func bindSocket() {
        listener = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un(path: socketPath)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        XCTAssertEqual(bound, 0)
    }

    /// `JOURNAL_STREAM` as systemd would set it for the test's stand-in stderr.
    private func journalStream() -> String {
        var info = stat()
        fstat(stderrFile.fileDescriptor, &info)
        return "\(info.st_dev):\(info.st_ino)"
    }

    private func select(_ environment: [String: String]) -> JournalSelection {
        JournalSelection(environment: environment, socketPath: socketPath, standardErrorDescriptor: stderrFile.fileDescriptor)
    }

    /// Without journald, everything goes to stderr.
    func testNoJournaldMeansStderrOnly() {
        XCTAssertEqual(select([:]), JournalSelection(systemdJournal: false, standardError: true))
        XCTAssertTrue(select([:]).makeJournal(zone: .current) is StderrJournal)
    }

    /// In a terminal on a systemd machine, entries go to the journal and lines to the terminal.
    func testTerminalWithJournaldMeansBoth() {
        bindSocket()
        XCTAssertEqual(select([:]), JournalSelection(systemdJournal: true, standardError: true))
        let journal = select([:]).makeJournal(zone: .current)
        XCTAssertEqual((journal as? MultiJournal)?.journals.count, 2)
    }

    /// Under systemd, stderr already is the journal, so nothing is written twice.
    func testServiceMeansJournalOnly() {
        bindSocket()
        XCTAssertEqual(select(["JOURNAL_STREAM": journalStream()]), JournalSelection(systemdJournal: true, standardError: false))
        XCTAssertTrue(select(["JOURNAL_STREAM": journalStream()]).makeJournal(zone: .current) is SystemdJournal)
    }

    /// A `JOURNAL_STREAM` inherited from some service, naming another file, does not silence the terminal.
    func testInheritedJournalStreamIsIgnored() {
        bindSocket()
        XCTAssertEqual(select(["JOURNAL_STREAM": "1:2"]), JournalSelection(systemdJournal: true, standardError: true))
    }

    /// A socket left behind by a journald that stopped is not a journal.
    func testStaleSocketIsNoJournal() {
        bindSocket()
        close(listener)
        listener = -1
        XCTAssertTrue(FileManager.default.fileExists(atPath: socketPath))
        XCTAssertEqual(select([:]), JournalSelection(systemdJournal: false, standardError: true))
    }

    /// A plain file where the socket should be is not a journal.
    func testFileInsteadOfSocketIsNoJournal() {
        XCTAssertTrue(FileManager.default.createFile(atPath: socketPath, contents: Data()))
        XCTAssertEqual(select([:]), JournalSelection(systemdJournal: false, standardError: true))
    }
}
