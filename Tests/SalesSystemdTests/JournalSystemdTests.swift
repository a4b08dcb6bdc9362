import Foundation
import Logging
import RealParts
import SalesEngine
import SalesPlan
import SalesSystemd
import XCTest

/// Entries written through libsystemd, read back from a real journald with journalctl.
final class JournalSystemdTests: XCTestCase {
    // XCTest calls class setUp and tearDown on one thread, before and after all the tests.
    nonisolated(unsafe) private static var journald: Process?

    override class func setUp() {
        super.setUp()
        journald = try? JournalTestSupport.startJournaldIfNeeded()
    }

    override class func tearDown() {
        JournalTestSupport.stop(journald)
        journald = nil
        super.tearDown()
    }

    override func setUpWithError() throws {
        guard JournalTestSupport.acceptsDatagrams(at: JournalTestSupport.socketPath) else {
            throw RealPart.missing("no journald listening on \(JournalTestSupport.socketPath)",
                                   hint: "start one with `e2e/services/journald.sh start` (make test does)")
        }
    }

    /// A reminder lands in the journal with every structured field people filter on.
    func testReminderIsStoredWithAllFields() throws {
        let action = "test-\(UUID().uuidString.lowercased())"
        let reminder = Announcement(
            kind: .reminder, message: "Send 5 connection requests (Connect · 0 of 5 today)", priority: .notice,
            day: LocalDay(iso: "2026-11-27"), action: action, step: "connect", title: "Send 5 connection requests",
            count: 1, done: 0, target: 5, scheduled: Date(timeIntervalSince1970: 1_795_771_800.25),
            latenessMs: 125_000, late: true, body: "Connect · 0 of 5 today\nNext: follow-ups at 11:00")

        SystemdJournal().record(reminder)

        let entries = try JournalTestSupport.entries(matching: ["MESSAGE_ID=\(MessageID.of(.reminder))", "SALESD_ACTION=\(action)"])
        XCTAssertEqual(entries.count, 1)
        let entry = try XCTUnwrap(entries.first)
        XCTAssertEqual(entry["MESSAGE"], "Send 5 connection requests (Connect · 0 of 5 today)")
        XCTAssertEqual(entry["PRIORITY"], "5")
        XCTAssertEqual(entry["SYSLOG_IDENTIFIER"], "salesd")
        XCTAssertEqual(entry["MESSAGE_ID"], "5db1f074669e405d83076faa6e9eb319")
        XCTAssertEqual(entry["SALESD_EVENT"], "reminder")
        XCTAssertEqual(entry["SALESD_STEP"], "connect")
        XCTAssertEqual(entry["SALESD_DAY"], "2026-11-27")
        XCTAssertEqual(entry["SALESD_COUNT"], "1")
        XCTAssertEqual(entry["SALESD_DONE"], "0")
        XCTAssertEqual(entry["SALESD_TARGET"], "5")
        XCTAssertEqual(entry["SALESD_SCHEDULED"], "2026-11-27T09:30:00.250Z")
        XCTAssertEqual(entry["SALESD_LATENESS_MS"], "125000")
        XCTAssertEqual(entry["SALESD_LATE"], "1")
        XCTAssertEqual(entry["SALESD_TITLE"], "Send 5 connection requests")
        XCTAssertEqual(entry["SALESD_BODY"], "Connect · 0 of 5 today\nNext: follow-ups at 11:00")
    }

    /// `journalctl SALESD_STEP=…` finds the entry, and absent fields are left out rather than empty.
    func testAbsentFieldsAreLeftOut() throws {
        let action = "test-\(UUID().uuidString.lowercased())"
        SystemdJournal().record(Announcement(kind: .done, message: "Done: \(action)", action: action, step: "follow-up"))

        let entry = try XCTUnwrap(try JournalTestSupport.entries(matching: ["SALESD_STEP=follow-up", "SALESD_ACTION=\(action)"]).first)
        XCTAssertEqual(entry["SALESD_EVENT"], "done")
        XCTAssertEqual(entry["PRIORITY"], "6")
        XCTAssertEqual(entry["MESSAGE_ID"], MessageID.of(.done))
        for absent in ["SALESD_DAY", "SALESD_COUNT", "SALESD_LATE", "SALESD_BODY", "SALESD_SCHEDULED", "UNIT"] {
            XCTAssertNil(entry[absent], absent)
        }
    }

    /// A diagnostic logged through swift-log reaches the journal with priority, identifier and metadata.
    func testLogHandlerWritesDiagnostics() throws {
        let token = UUID().uuidString.lowercased()
        let logger = Logger(label: "salesd.notifications") {
            JournalLogHandler(label: $0, systemdJournal: true, standardError: nil)
        }

        logger.warning("notification server gone, ignoring", metadata: ["server-name": "\(token)"])

        let entry = try XCTUnwrap(try JournalTestSupport.entries(matching: ["SALESD_SERVER_NAME=\(token)"]).first)
        XCTAssertEqual(entry["MESSAGE"], "notification server gone, ignoring")
        XCTAssertEqual(entry["PRIORITY"], "4")
        XCTAssertEqual(entry["SYSLOG_IDENTIFIER"], "salesd")
        XCTAssertEqual(entry["SALESD_LOGGER"], "salesd.notifications")
        XCTAssertEqual(entry["CODE_FUNC"], "testLogHandlerWritesDiagnostics()")
        XCTAssertNotNil(entry["CODE_FILE"])
        XCTAssertNil(entry["MESSAGE_ID"])
    }
}
