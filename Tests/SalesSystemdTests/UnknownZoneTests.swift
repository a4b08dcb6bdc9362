import SalesSystemd
import XCTest

/// `TZ` naming no zone is reported, instead of silently becoming UTC.
final class UnknownZoneTests: XCTestCase {
    /// Zone names, `:`-prefixed names, zoneinfo paths, empty and unset TZ are all fine.
    func testUsableValuesPass() {
        for tz in ["Europe/London", ":Europe/London", "/usr/share/zoneinfo/Asia/Tokyo", "", "UTC"] {
            XCTAssertNil(ZoneChangeWatcher.unknownZoneProblem(environment: ["TZ": tz]), tz)
        }
        XCTAssertNil(ZoneChangeWatcher.unknownZoneProblem(environment: [:]))
    }

    /// An unknown name is quoted with where to find real ones.
    func testUnknownNameIsReported() {
        XCTAssertEqual(ZoneChangeWatcher.unknownZoneProblem(environment: ["TZ": "Mars/Olympus"]), """
            TZ="Mars/Olympus" does not name a time zone salesd knows (use an IANA name such as \
            "Europe/London" from /usr/share/zoneinfo, or unset TZ, or set "timeZone" in the plan)
            """)
    }
}
