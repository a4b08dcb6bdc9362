import XCTest
@testable import SalesPlan

final class LocalTimeTests: XCTestCase {
    /// HH:MM and HH:MM:SS parse; the description drops zero seconds.
    func testParsesAndPrints() {
        XCTAssertEqual(LocalTime("09:30"), LocalTime(hour: 9, minute: 30))
        XCTAssertEqual(LocalTime("23:59:59")?.secondsSinceMidnight, 86_399)
        XCTAssertEqual(LocalTime("00:00")?.description, "00:00")
        XCTAssertEqual(LocalTime("07:05:09")?.description, "07:05:09")
        XCTAssertEqual(LocalTime("07:05:00")?.description, "07:05")
    }

    /// Anything but two-digit fields in range is refused.
    func testRejectsMalformedTimes() {
        for text in ["9:30", "9:3", "24:00", "12:60", "12:00:60", "", ":", "12:", "12:00:", "1230", "12:3a",
                     "١٢:٣٠", "12:00:00:00", "-1:00", "+1:00", " 12:00"] {
            XCTAssertNil(LocalTime(text), text)
        }
    }

    /// Seconds since midnight round-trip for every minute of the day, and are bounded.
    func testSecondsSinceMidnight() {
        for seconds in stride(from: 0, to: 86_400, by: 59) {
            XCTAssertEqual(LocalTime(secondsSinceMidnight: seconds)?.secondsSinceMidnight, seconds)
        }
        XCTAssertNil(LocalTime(secondsSinceMidnight: 86_400))
        XCTAssertNil(LocalTime(secondsSinceMidnight: -1))
    }

    /// Times order by time of day.
    func testOrdering() {
        XCTAssertLessThan(LocalTime("08:59:59")!, LocalTime("09:00")!)
        XCTAssertEqual(["17:00", "09:30", "12:00"].compactMap(LocalTime.init).sorted().map(\.description),
                       ["09:30", "12:00", "17:00"])
    }
}
