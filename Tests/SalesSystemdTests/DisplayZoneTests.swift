import Foundation
import Logging
import SalesEngine
import SalesSystemd
import Synchronization
import XCTest

/// Every time a person reads on stderr is in the plan's zone.
final class DisplayZoneTests: XCTestCase {
    /// A log line and an announcement written without a zone of their own follow the display zone as it changes.
    func testStderrLinesFollowThePlansZone() {
        let at = Date(timeIntervalSince1970: 1_795_771_800)  // 2026-11-27T09:30:00Z
        let saved = DisplayZone.shared.zone
        defer { DisplayZone.shared.zone = saved }
        var written: [String] = []
        let journal = StderrJournal(zone: nil, now: { at }) { written.append($0) }
        DisplayZone.shared.zone = TimeZone(identifier: "Asia/Tokyo")!
        journal.record(Announcement(kind: .started, message: "salesd started"))
        DisplayZone.shared.zone = TimeZone(identifier: "America/New_York")!
        journal.record(Announcement(kind: .reloaded, message: "Reloaded"))
        XCTAssertEqual(written, ["2026-11-27 18:30:00 salesd started\n", "2026-11-27 04:30:00 Reloaded\n"])
    }

    /// A log handler given no zone writes its time in the display zone too.
    func testLogLinesFollowThePlansZone() {
        let saved = DisplayZone.shared.zone
        defer { DisplayZone.shared.zone = saved }
        let lines = Mutex<[String]>([])
        let handler = JournalLogHandler(
            label: "salesd", systemdJournal: false, standardError: { line in lines.withLock { $0.append(line) } },
            now: { Date(timeIntervalSince1970: 1_795_771_800) })
        DisplayZone.shared.zone = TimeZone(identifier: "Europe/Berlin")!
        Logger(label: "salesd") { _ in handler }.notice("wall clock changed; rescheduled")
        XCTAssertEqual(lines.withLock { $0 }, ["2026-11-27 10:30:00 notice: wall clock changed; rescheduled\n"])
    }
}
