import Foundation
import Logging
import SalesSystemd
import Synchronization
import XCTest

/// Diagnostic log lines when salesd writes to a terminal.
final class JournalLogHandlerTests: XCTestCase {
    /// Collects written lines.
    private final class Lines: Sendable {
        private let stored = Mutex<[String]>([])
        func append(_ line: String) { stored.withLock { $0.append(line) } }
        var all: [String] { stored.withLock { $0 } }
    }

    private func logger(_ lines: Lines, level: Logger.Level = .info) -> Logger {
        var logger = Logger(label: "salesd") { label in
            JournalLogHandler(
                label: label, systemdJournal: false, standardError: { lines.append($0) },
                zone: TimeZone(identifier: "UTC")!, now: { Date(timeIntervalSince1970: 1_795_771_800) })
        }
        logger.logLevel = level
        return logger
    }

    /// A line shows the time, the level, the message and the metadata, sorted by key.
    func testLineFormat() {
        let lines = Lines()
        var log = logger(lines)
        log[metadataKey: "component"] = "bus"
        log.warning("notification server gone, ignoring", metadata: ["server": "dunst"])
        XCTAssertEqual(lines.all, ["2026-11-27 09:30:00 warning: notification server gone, ignoring (component=bus, server=dunst)\n"])
    }

    /// Messages below the logger's level are not written.
    func testLevelFilters() {
        let lines = Lines()
        let log = logger(lines, level: .notice)
        log.info("chatty")
        log.error("could not open the ledger")
        XCTAssertEqual(lines.all, ["2026-11-27 09:30:00 error: could not open the ledger\n"])
    }
}
