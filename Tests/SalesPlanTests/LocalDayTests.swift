import XCTest
@testable import SalesPlan

final class LocalDayTests: XCTestCase {
    /// Days since the epoch round-trip over more than two thousand years, one day apart each.
    func testEpochRoundTrip() {
        var previous = LocalDay(daysSinceEpoch: -400_000)
        var failures: [String] = []
        for n in -399_999...400_000 where failures.count < 5 {
            let day = LocalDay(daysSinceEpoch: n)
            let next = LocalDay(year: previous.year, month: previous.month, day: previous.day + 1)
                ?? LocalDay(year: previous.year, month: previous.month + 1, day: 1)
                ?? LocalDay(year: previous.year + 1, month: 1, day: 1)
            if day.daysSinceEpoch != n || next != day || (n % 101 == 0 && LocalDay(iso: day.description) != day) {
                failures.append("\(n): \(day)")
            }
            previous = day
        }
        XCTAssertEqual(failures, [])
        XCTAssertEqual(LocalDay(daysSinceEpoch: 0).description, "1970-01-01")
        XCTAssertEqual(LocalDay(daysSinceEpoch: -1).description, "1969-12-31")
    }

    /// Known dates fall on the weekdays a calendar shows.
    func testWeekdayOfKnownDates() {
        let known: [(String, Weekday)] = [
            ("1970-01-01", .thu), ("2000-01-01", .sat), ("2000-02-29", .tue), ("1969-12-31", .wed),
            ("2026-11-27", .fri), ("2024-02-29", .thu), ("1900-01-01", .mon), ("0001-01-01", .mon),
        ]
        for (iso, weekday) in known {
            XCTAssertEqual(LocalDay(iso: iso)?.weekday, weekday, iso)
        }
    }

    /// February has 29 days in leap years only (every 4th, not every 100th, but every 400th).
    func testLeapYears() {
        XCTAssertNotNil(LocalDay(iso: "2024-02-29"))
        XCTAssertNotNil(LocalDay(iso: "2000-02-29"))
        XCTAssertNil(LocalDay(iso: "1900-02-29"))
        XCTAssertNil(LocalDay(iso: "2026-02-29"))
        XCTAssertEqual(LocalDay(iso: "2024-02-28")!.adding(days: 1).description, "2024-02-29")
        XCTAssertEqual(LocalDay(iso: "2026-02-28")!.adding(days: 1).description, "2026-03-01")
        XCTAssertEqual(LocalDay(iso: "2024-01-01")!.days(to: LocalDay(iso: "2025-01-01")!), 366)
    }

    /// ISO parsing wants exactly YYYY-MM-DD with real months and days.
    func testISOParsing() {
        XCTAssertEqual(LocalDay(iso: "2026-12-24"), LocalDay(year: 2026, month: 12, day: 24))
        for text in ["2026-1-01", "26-01-01", "2026-00-10", "2026-04-31", "2026/01/01", "0000-01-01",
                     "2026-01-01T00:00", "２０２６-01-01", ""] {
            XCTAssertNil(LocalDay(iso: text), text)
        }
    }

    /// The week starts on the configured weekday, including across month and year ends.
    func testStartOfWeek() {
        let friday = LocalDay(iso: "2026-01-02")!
        XCTAssertEqual(friday.startOfWeek().description, "2025-12-29")
        XCTAssertEqual(friday.startOfWeek(weekStart: .sun).description, "2025-12-28")
        XCTAssertEqual(friday.startOfWeek(weekStart: .fri), friday)
        XCTAssertEqual(friday.startOfWeek(weekStart: .sat).description, "2025-12-27")
        for offset in 0..<21 {
            let day = friday.adding(days: offset)
            let start = day.startOfWeek(weekStart: .mon)
            XCTAssertEqual(start.weekday, .mon)
            XCTAssertTrue((0..<7).contains(start.days(to: day)))
        }
    }
}
