import Dispatch
import Foundation
import SalesSystemd
import XCTest

/// Noticing a change of the system time zone, and reading the new zone.
final class ZoneChangeWatcherTests: XCTestCase {
    private var folder: String!
    private var localtime: String { folder + "/localtime" }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("salesd-zone-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try FileManager.default.removeItem(atPath: folder) }

    /// Points the zone link at `zone` the way timedatectl does: a new link renamed over the old.
    private func link(to zone: String) throws {
        let temporary = folder + "/.localtime.new"
        try FileManager.default.createSymbolicLink(atPath: temporary, withDestinationPath: "../usr/share/zoneinfo/" + zone)
        XCTAssertEqual(rename(temporary, localtime), 0)
    }

    /// Replacing the link calls the handler on the queue given, and the new zone reads back.
    func testReplacedLinkIsNoticed() throws {
        try link(to: "Europe/London")
        let queue = DispatchQueue(label: "zone-test")
        let changed = expectation(description: "zone change noticed")
        let pending = PendingExpectations([changed])
        let watcher = try ZoneChangeWatcher(localtimePath: localtime, queue: queue) {
            dispatchPrecondition(condition: .onQueue(queue))
            pending.fulfillNext()
        }
        defer { watcher.cancel() }

        try link(to: "Asia/Tokyo")

        wait(for: [changed], timeout: 5)
        XCTAssertEqual(ZoneChangeWatcher.currentSystemZone(localtimePath: localtime, environment: [:]).identifier, "Asia/Tokyo")
    }

    /// Editing the `timezone` file next to the link is noticed too.
    func testEditedTimezoneFileIsNoticed() throws {
        let changed = expectation(description: "zone change noticed")
        let pending = PendingExpectations([changed])
        let watcher = try ZoneChangeWatcher(localtimePath: localtime, queue: DispatchQueue(label: "zone-test")) {
            pending.fulfillNext()
        }
        defer { watcher.cancel() }

        try "Europe/Paris\n".write(toFile: folder + "/timezone", atomically: false, encoding: .utf8)

        wait(for: [changed], timeout: 5)
        XCTAssertEqual(ZoneChangeWatcher.currentSystemZone(localtimePath: localtime, environment: [:]).identifier, "Europe/Paris")
    }

    /// A folder that does not exist is an error naming it.
    func testMissingFolderIsAnError() {
        XCTAssertThrowsError(try ZoneChangeWatcher(localtimePath: folder + "/absent/localtime", queue: .main) {}) { error in
            XCTAssertEqual((error as? SystemCallError)?.code, ENOENT)
            XCTAssertTrue("\(error)".contains("/absent"))
        }
    }

    /// TZ wins over the link, with or without its leading colon, or as a zoneinfo path.
    func testTZWins() throws {
        try link(to: "Europe/London")
        func zone(_ tz: String) -> String {
            ZoneChangeWatcher.currentSystemZone(localtimePath: localtime, environment: ["TZ": tz]).identifier
        }
        XCTAssertEqual(zone("Asia/Tokyo"), "Asia/Tokyo")
        XCTAssertEqual(zone(":America/New_York"), "America/New_York")
        XCTAssertEqual(zone(":/usr/share/zoneinfo/Australia/Sydney"), "Australia/Sydney")
        XCTAssertEqual(zone("Not/AZone"), "Europe/London")
    }

    /// posix/ and right/ variants of a zone map to the zone itself.
    func testLinkIntoPosixFolder() throws {
        try link(to: "posix/Europe/Berlin")
        XCTAssertEqual(ZoneChangeWatcher.currentSystemZone(localtimePath: localtime, environment: [:]).identifier, "Europe/Berlin")
    }
}
