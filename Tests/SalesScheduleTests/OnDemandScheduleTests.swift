import Foundation
import SalesPlan
import SalesSchedule
import XCTest

/// The on-demand schedule gives exactly what building every day whole gives, in every zone
/// salesd's time tests use, on every day of a year, transitions included.
final class OnDemandScheduleTests: XCTestCase {
    /// Times in and around the usual gaps and overlaps, a 20-minute repeat that walks through
    /// them, two `at` times whose repeats meet, a midnight time and a dated day off.
    private func plan(daysOff: [LocalDay] = []) -> Plan {
        var plan = Plan(
            morningPrompt: time("08:30"), steps: [Step(id: "connect", name: "Connect")],
            actions: [
                PlanAction(id: "walk", step: "connect", title: "Walk", at: [time("00:00")],
                           repeat: PlanDuration("20m"), until: time("04:10")),
                PlanAction(id: "meet", step: "connect", title: "Meet", days: [.weekdays],
                           at: [time("09:00"), time("09:30")], repeat: PlanDuration("1h"), until: time("12:00")),
                PlanAction(id: "gap", step: "connect", title: "Gap", at: [time("01:30"), time("02:30"), time("23:30")]),
                PlanAction(id: "night", step: "connect", title: "Night", days: [.weekends], at: [time("23:59")],
                           repeat: PlanDuration("90s")),
            ],
            daysOff: daysOff)
        plan.weeklyReview = WeeklyReview(day: .fri, at: time("16:00"))
        return plan
    }

    private let zones = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "America/Santiago",
                         "America/Havana", "Asia/Kolkata", "Pacific/Chatham", "America/Nuuk"]

    func testEveryDayOfAYearMatchesWholeDays() {
        for id in zones {
            compareYear(zone(id), from: day("2027-01-01"), days: 365)
        }
        // Apia skipped 2011-12-30 whole.
        compareYear(zone("Pacific/Apia"), from: day("2011-12-01"), days: 61)
    }

    private func compareYear(_ calendar: ZoneCalendar, from first: LocalDay, days: Int,
                             file: StaticString = #filePath, line: UInt = #line) {
        let plan = plan(daysOff: [first.adding(days: 40)])
        let schedule = Schedule(plan: plan, calendar: calendar)
        let reference = WholeDaySchedule(plan: plan, calendar: calendar)
        var mismatches: [String] = []
        for offset in 0..<days {
            let day = first.adding(days: offset)
            let expected = reference.occurrences(on: day)
            if Array(schedule.occurrences(on: day)) != expected { mismatches.append("\(day): occurrences(on:)") }
            // A window from the middle of the day to the middle of the next, and the next few after a moment.
            let start = calendar.startOfDay(day).addingTimeInterval(12 * 3600 + 17)
            let window = reference.occurrences(from: start, to: start.addingTimeInterval(86_400))
            if Array(schedule.occurrences(from: start, to: start.addingTimeInterval(86_400))) != window {
                mismatches.append("\(day): occurrences(from:to:)")
            }
            // Compared where the window holds the next three (a day off can leave it fewer).
            let after = Array(window.filter { $0.instant > start }.prefix(3))
            if schedule.next(after: start, limit: after.count) != after {
                mismatches.append("\(day): next(after:)")
            }
            if let walk = expected.first(where: { $0.action == "walk" }),
               Array(schedule.occurrences(of: "walk", on: day, after: walk.instant))
                != expected.filter({ $0.action == "walk" && $0.instant > walk.instant }) {
                mismatches.append("\(day): occurrences(of:on:after:)")
            }
        }
        XCTAssertEqual(mismatches, [], "\(calendar.timeZone.identifier)", file: file, line: line)
    }

    /// The comparison is not blind: a plan that differs by one repeat is told apart.
    func testComparisonCatchesADifference() {
        let calendar = zone("Europe/London")
        var other = plan()
        other.actions[0].repeat = PlanDuration("21m")
        let day = day("2027-03-28")
        XCTAssertNotEqual(Array(Schedule(plan: other, calendar: calendar).occurrences(on: day)),
                          WholeDaySchedule(plan: plan(), calendar: calendar).occurrences(on: day))
    }

    /// 2,000 actions re-reminding every minute: the first reminders after a moment come without
    /// building the day's 2.9 million occurrences, and a day can be walked through one at a time.
    func testManyRepeatsAreReadOnDemand() {
        let actions = (0..<2000).map { i in
            PlanAction(id: "a\(i)", step: "connect", title: "A\(i)", at: [time("00:00")], repeat: PlanDuration("1m"))
        }
        let schedule = Schedule(plan: Plan(steps: [Step(id: "connect", name: "Connect")], actions: actions),
                                calendar: zone("Europe/London"))
        let now = utc("2027-03-28T12:00:30Z")
        let next = schedule.next(after: now, limit: 2001)
        XCTAssertEqual(next.count, 2001)
        XCTAssertEqual(Set(next.prefix(2000).map(\.instant)), [utc("2027-03-28T12:01:00Z")])
        XCTAssertEqual(next.last?.instant, utc("2027-03-28T12:02:00Z"))
        // An hour of them, counted without being kept: 12:01 to 13:00 UTC.
        var count = 0
        for _ in schedule.occurrences(from: now, to: now.addingTimeInterval(3600)) { count += 1 }
        XCTAssertEqual(count, 2000 * 60)
    }
}
