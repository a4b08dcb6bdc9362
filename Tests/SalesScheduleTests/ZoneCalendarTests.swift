import Foundation
import SalesPlan
import SalesSchedule
import XCTest

final class ZoneCalendarTests: XCTestCase {
    /// `localTime` on `localDay` in zone `id` resolves to the UTC instant `expected`; `shifted` and
    /// `repeated`, when given, are what the resolution says of a gap and of a repeated hour.
    private func assertResolves(
        _ id: String, _ localTime: String, on localDay: String, to expected: String, shifted: Bool? = nil, repeated: Bool? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let r = zone(id).resolve(time(localTime), on: day(localDay)) else {
            return XCTFail("\(id) \(localDay) \(localTime) unresolved", file: file, line: line)
        }
        XCTAssertEqual(r.instant, utc(expected), file: file, line: line)
        if let shifted { XCTAssertEqual(r.shifted, shifted, "shifted", file: file, line: line) }
        if let repeated { XCTAssertEqual(r.repeated, repeated, "repeated", file: file, line: line) }
    }

    /// A time in London's spring-forward gap fires once, at the end of the gap.
    func testLondonSpringForwardGapMovesToEndOfGap() {
        assertResolves("Europe/London", "01:30", on: "2027-03-28", to: "2027-03-28T01:00:00Z", shifted: true)
    }

    /// A time London shows twice at fall back fires at its first occurrence (BST).
    func testLondonFallBackTakesFirstOccurrence() {
        assertResolves("Europe/London", "01:30", on: "2027-10-31", to: "2027-10-31T00:30:00Z", shifted: false, repeated: true)
    }

    /// New York's 02:30 on spring-forward day is 03:00 EDT.
    func testNewYorkSpringForward() {
        assertResolves("America/New_York", "02:30", on: "2027-03-14", to: "2027-03-14T07:00:00Z", shifted: true)
    }

    /// New York's 01:30 on fall-back day is the EDT one.
    func testNewYorkFallBack() {
        assertResolves("America/New_York", "01:30", on: "2027-11-07", to: "2027-11-07T05:30:00Z", repeated: true)
    }

    /// Lord Howe moves by 30 minutes: 02:15 in its gap becomes 02:30 local.
    func testLordHoweHalfHourGap() {
        let cal = zone("Australia/Lord_Howe")
        let r = cal.resolve(time("02:15"), on: day("2027-10-03"))!
        XCTAssertTrue(r.shifted)
        XCTAssertEqual(cal.time(of: r.instant), time("02:30"))
        XCTAssertEqual(cal.day(of: r.instant), day("2027-10-03"))
    }

    /// Samoa skipped 30 December 2011: that day has no instants at all.
    func testSkippedCalendarDayDoesNotExist() {
        let cal = zone("Pacific/Apia")
        XCTAssertFalse(cal.exists(day("2011-12-30")))
        XCTAssertNil(cal.resolve(time("09:30"), on: day("2011-12-30")))
        XCTAssertTrue(cal.exists(day("2011-12-29")))
        XCTAssertTrue(cal.exists(day("2011-12-31")))
    }

    /// Where DST starts at midnight, the day starts at 01:00 and 00:30 moves there.
    func testMidnightGapDayStartsAfterGap() {
        let cal = zone("America/Havana")
        // Cuba springs forward at 00:00 on the second Sunday of March.
        let start = cal.startOfDay(day("2027-03-14"))
        XCTAssertEqual(cal.time(of: start), time("01:00"))
        XCTAssertEqual(cal.day(of: start), day("2027-03-14"))
        XCTAssertTrue(cal.resolve(time("00:30"), on: day("2027-03-14"))!.shifted)
    }

    /// In every tested zone, every day of 2027 and every quarter hour maps to an instant on that
    /// day that shows that time, or (in a gap) the first instant after it.
    func testEveryDayOfAYearRoundTrips() {
        for id in ["Europe/London", "America/New_York", "Australia/Lord_Howe", "America/Santiago",
                   "America/Havana", "Asia/Kolkata", "Pacific/Chatham"] {
            let cal = zone(id)
            var d = day("2027-01-01")
            var previous = Date.distantPast
            while d <= day("2027-12-31") {
                XCTAssertTrue(cal.exists(d), "\(id) \(d)")
                XCTAssertGreaterThan(cal.startOfDay(d), previous, "\(id) \(d): days must advance")
                previous = cal.startOfDay(d)
                for quarter in 0..<96 {
                    let t = LocalTime(secondsSinceMidnight: quarter * 900)!
                    guard let r = cal.resolve(t, on: d) else { return XCTFail("\(id) \(d) \(t) unresolved") }
                    XCTAssertEqual(cal.day(of: r.instant), d, "\(id) \(d) \(t)")
                    if r.shifted {
                        XCTAssertGreaterThan(cal.time(of: r.instant), t, "\(id) \(d) \(t)")
                        let justBefore = r.instant.addingTimeInterval(-1)
                        XCTAssertTrue(cal.day(of: justBefore) < d || cal.time(of: justBefore) < t,
                                      "\(id) \(d) \(t): the instant just before is before the gap")
                    } else {
                        XCTAssertEqual(cal.time(of: r.instant), t, "\(id) \(d) \(t)")
                    }
                    if r.repeated {
                        // The first occurrence: an hour (or half) earlier does not show the same time.
                        XCTAssertEqual(cal.time(of: r.instant.addingTimeInterval(-1800)).secondsSinceMidnight,
                                       (t.secondsSinceMidnight - 1800 + 86400) % 86400, "\(id) \(d) \(t)")
                    }
                }
                d = d.adding(days: 1)
            }
        }
    }
}
