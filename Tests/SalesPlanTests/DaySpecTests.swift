import XCTest
@testable import SalesPlan

final class DaySpecTests: XCTestCase {
    /// Weekday names parse short or long, in any case, and print short.
    func testWeekdayNames() {
        XCTAssertEqual(Weekday(name: "fri"), .fri)
        XCTAssertEqual(Weekday(name: "Friday"), .fri)
        XCTAssertEqual(Weekday(name: "SUN"), .sun)
        XCTAssertNil(Weekday(name: "fr"))
        XCTAssertEqual(Weekday.allCases.map(\.description), ["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
        XCTAssertEqual(Weekday.allCases.filter(\.isWeekend), [.sat, .sun])
    }

    /// Every kind of day spec parses and prints back as written.
    func testParsesAndPrints() {
        for text in ["mon", "sun", "weekdays", "weekends", "daily", "2026-12-24"] {
            XCTAssertEqual(DaySpec(text)?.description, text)
        }
        XCTAssertEqual(DaySpec("Weekdays"), .weekdays)
        for text in ["weekday", "", "2026-13-01", "2026-02-29", "tomorrow"] {
            XCTAssertNil(DaySpec(text), text)
        }
    }

    /// Each spec matches exactly the days it names (2026-11-27 is a Friday).
    func testMatches() {
        let friday = LocalDay(iso: "2026-11-27")!
        let saturday = friday.adding(days: 1)
        XCTAssertTrue(DaySpec.weekday(.fri).matches(friday))
        XCTAssertFalse(DaySpec.weekday(.fri).matches(saturday))
        XCTAssertTrue(DaySpec.weekdays.matches(friday))
        XCTAssertFalse(DaySpec.weekdays.matches(saturday))
        XCTAssertTrue(DaySpec.weekends.matches(saturday))
        XCTAssertTrue(DaySpec.daily.matches(saturday))
        XCTAssertTrue(DaySpec.date(friday).matches(friday))
        XCTAssertFalse(DaySpec.date(friday).matches(saturday))
    }
}
