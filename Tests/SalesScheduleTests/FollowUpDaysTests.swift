import Foundation
import XCTest
import SalesPlan
import SalesSchedule

final class FollowUpDaysTests: XCTestCase {
    /// Foundation's own calendar, as an independent count of days between two local midnights.
    private func foundationDays(_ zone: ZoneCalendar, _ a: Date, _ b: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone.timeZone
        return calendar.dateComponents([.day], from: calendar.startOfDay(for: a), to: calendar.startOfDay(for: b)).day!
    }

    /// Days change at local midnight, also across a 23-hour and a 25-hour day.
    func testMidnightAcrossDST() {
        let london = zone("Europe/London")
        // 2027-03-28 has 23 hours in London; 00:30 that day to 00:10 the next is 22 h 40 min.
        XCTAssertEqual(london.calendarDays(from: utc("2027-03-28T00:30:00Z"), to: utc("2027-03-28T23:10:00Z")), 1)
        // 2027-10-31 has 25 hours: 00:10 to 23:50 the same day is 24 h 40 min and still day 0.
        XCTAssertEqual(london.calendarDays(from: utc("2027-10-30T23:10:00Z"), to: utc("2027-10-31T23:50:00Z")), 0)
        let newYork = zone("America/New_York")
        // One minute before and after midnight, around the spring-forward night.
        XCTAssertEqual(newYork.calendarDays(from: utc("2027-03-14T04:59:00Z"), to: utc("2027-03-14T05:01:00Z")), 1)
    }

    /// The state of a person changes exactly at local midnight: ideal 1d, touched 23:59 on the
    /// day before a DST change, due at 00:00 local and not a minute before.
    func testStateTurnsAtLocalMidnight() {
        let followUp = FollowUp(ideal: 1, max: 1)
        let berlin = zone("Europe/Berlin")
        let touch = utc("2027-03-27T22:59:00Z")  // 23:59 CET, Saturday
        XCTAssertEqual(berlin.followUpState(followUp, lastTouch: touch, now: utc("2027-03-27T22:59:59Z")), .ok)
        XCTAssertEqual(berlin.followUpState(followUp, lastTouch: touch, now: utc("2027-03-27T23:00:00Z")), .due)
        // Sunday is 23 hours long; Monday 00:00 CEST is 22:00 UTC.
        XCTAssertEqual(berlin.followUpState(followUp, lastTouch: touch, now: utc("2027-03-28T21:59:59Z")), .due)
        XCTAssertEqual(berlin.followUpState(followUp, lastTouch: touch, now: utc("2027-03-28T22:00:00Z")), .overdue)
    }

    /// Against Foundation's calendar at every hour of the weeks around both DST changes, in
    /// zones north and south, with half-hour and 30-minute DST; a count that keeps the touch's UTC offset
    /// (24-hour days, the wrong variant) disagrees there.
    func testAgreesWithFoundation() {
        let zones = ["Europe/London", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata"]
        let touches = [utc("2027-03-25T21:30:00Z"), utc("2027-09-30T12:00:00Z"), utc("2027-10-28T23:45:00Z")]
        var spansDisagree = 0
        for id in zones {
            let z = zone(id)
            for touch in touches {
                for hour in stride(from: 0, to: 14 * 24, by: 1) {
                    let now = touch.addingTimeInterval(Double(hour) * 3600 + 1234)
                    XCTAssertEqual(z.calendarDays(from: touch, to: now), foundationDays(z, touch, now), "\(id) \(touch) +\(hour)h")
                    // The wrong variant: midnights placed with the touch's UTC offset, as if the
                    // zone had no DST (what counting 24-hour days from local midnight gives).
                    let offset = Double(z.offset(at: touch))
                    let fixed = Int(floor((now.timeIntervalSince1970 + offset) / 86_400))
                        - Int(floor((touch.timeIntervalSince1970 + offset) / 86_400))
                    if fixed != foundationDays(z, touch, now) { spansDisagree += 1 }
                }
            }
        }
        XCTAssertGreaterThan(spansDisagree, 0, "24-hour spans should differ from calendar days somewhere")
    }

    /// Pacific/Apia skipped 2011-12-30: Thursday evening to Saturday morning is 2 calendar days.
    func testSkippedDay() {
        let apia = zone("Pacific/Apia")
        XCTAssertEqual(apia.calendarDays(from: utc("2011-12-30T06:00:00Z"), to: utc("2011-12-30T12:00:00Z")), 2)
    }
}
