import Foundation
@testable import SalesDaemon
import XCTest

final class WireFormatTests: XCTestCase {
    /// Reply times carry the plan zone's offset in effect at that instant, `Z` in UTC.
    func testTimesCarryTheZoneOffset() {
        let instant = Date(timeIntervalSince1970: 1814429400)  // 2027-07-01T08:10:00Z
        XCTAssertEqual(WireFormat(timeZone: TimeZone(identifier: "UTC")!).time(instant), "2027-07-01T08:10:00Z")
        XCTAssertEqual(WireFormat(timeZone: TimeZone(identifier: "Europe/London")!).time(instant),
                       "2027-07-01T09:10:00+01:00")
        XCTAssertEqual(WireFormat(timeZone: TimeZone(identifier: "America/New_York")!).time(instant),
                       "2027-07-01T04:10:00-04:00")
        XCTAssertEqual(WireFormat(timeZone: TimeZone(identifier: "Asia/Kolkata")!).time(instant),
                       "2027-07-01T13:40:00+05:30")
    }

    /// The text parses back to the same instant with a standard ISO 8601 parser.
    func testTimesParseBack() {
        let parser = ISO8601DateFormatter()
        for zone in ["UTC", "Pacific/Chatham", "America/St_Johns", "Europe/London"] {
            for seconds in stride(from: -86_400 * 400, to: 86_400 * 20_000, by: 86_400 * 37 + 3_607) {
                let instant = Date(timeIntervalSince1970: Double(seconds))
                let text = WireFormat(timeZone: TimeZone(identifier: zone)!).time(instant)
                XCTAssertEqual(parser.date(from: text), instant, "\(zone) \(text)")
            }
        }
    }
}
