import Foundation
import SalesPlan
import SalesSchedule
import XCTest

final class ScheduleTests: XCTestCase {
    private func plan(_ actions: [PlanAction], prompt: String? = nil, daysOff: [LocalDay] = []) -> Plan {
        var p = Plan(morningPrompt: prompt.map(time), steps: [Step(id: "connect", name: "Connect")], actions: actions,
                     daysOff: daysOff)
        p.weeklyReview = WeeklyReview(day: .fri, at: time("16:00"))
        return p
    }

    /// Re-reminders follow `repeat` in local time up to and including `until`.
    func testRepeatUntil() {
        let a = PlanAction(id: "a", step: "connect", title: "A", at: [time("09:30")],
                           repeat: PlanDuration("1h"), until: time("12:30"))
        XCTAssertEqual(Schedule.times(of: a).map(\.time.description), ["09:30", "10:30", "11:30", "12:30"])
        XCTAssertEqual(Schedule.times(of: a).map(\.isRepeat), [false, true, true, true])
    }

    /// Several `at` times with a repeat do not produce the same slot twice.
    func testRepeatFromSeveralTimesDeduplicates() {
        let a = PlanAction(id: "a", step: "connect", title: "A", at: [time("09:00"), time("10:00")],
                           repeat: PlanDuration("1h"), until: time("11:00"))
        XCTAssertEqual(Schedule.times(of: a).map(\.time.description), ["09:00", "10:00", "11:00"])
    }

    /// Only planned days get occurrences; the review only on its weekday; days off get none.
    func testDaysAndDaysOff() {
        let a = PlanAction(id: "a", step: "connect", title: "A", days: [.weekdays], at: [time("09:30")])
        let s = Schedule(plan: plan([a], prompt: "08:30", daysOff: [day("2026-12-25")]), calendar: zone("UTC"))
        // 2026-11-27 is a Friday: prompt, action, review.
        XCTAssertEqual(s.occurrences(on: day("2026-11-27")).map(\.action), ["@morning", "a", "@review"])
        // Saturday: only the prompt.
        XCTAssertEqual(s.occurrences(on: day("2026-11-28")).map(\.action), ["@morning"])
        XCTAssertEqual(Array(s.occurrences(on: day("2026-12-25"))), [])
    }

    /// `next(after:)` crosses days and finds the next occurrence strictly after an instant.
    func testNextCrossesMidnight() {
        let a = PlanAction(id: "a", step: "connect", title: "A", at: [time("09:30")])
        let s = Schedule(plan: plan([a]), calendar: zone("Europe/London"))
        let n = s.next(after: utc("2026-11-27T09:30:00Z"), limit: 3).filter { $0.action == "a" }
        XCTAssertEqual(n.first?.day, day("2026-11-28"))
        XCTAssertEqual(n.first?.instant, utc("2026-11-28T09:30:00Z"))
    }

    /// A spring-forward day in London has its 01:30 reminder once, shifted, and none doubled at fall back.
    func testDSTDaysHaveEachSlotOnce() {
        let a = PlanAction(id: "a", step: "connect", title: "A", at: [time("01:30")])
        let s = Schedule(plan: plan([a]), calendar: zone("Europe/London"))
        let spring = Array(s.occurrences(on: day("2027-03-28")))
        XCTAssertEqual(spring.count, 1)
        XCTAssertTrue(spring[0].shifted)
        let fall = s.occurrences(from: utc("2027-10-30T12:00:00Z"), to: utc("2027-11-01T00:00:00Z"))
        XCTAssertEqual(fall.map(\.instant), [utc("2027-10-31T00:30:00Z")])
    }

    /// Two `at` times in one gap, and the first time after it, are one reminder named by the earliest, shifted.
    func testTimesInOneGapAreOneReminder() {
        let a = PlanAction(id: "a", step: "connect", title: "A", at: [time("01:10"), time("01:40"), time("02:00"), time("02:01")])
        let s = Schedule(plan: plan([a]), calendar: zone("Europe/London"))
        let spring = s.occurrences(on: day("2027-03-28")).filter { $0.action == "a" }
        XCTAssertEqual(spring.map(\.slot), ["01:10", "02:01"])
        XCTAssertEqual(spring.map(\.instant), [utc("2027-03-28T01:00:00Z"), utc("2027-03-28T01:01:00Z")])
        XCTAssertEqual(spring.map(\.shifted), [true, false])
    }

    /// Repeat slots that fall into one gap are one re-reminder at the gap's end; the rest keep their slots.
    func testRepeatSlotsInOneGapAreOneReminder() {
        let a = PlanAction(id: "a", step: "connect", title: "A", at: [time("00:45")], repeat: PlanDuration("15m"),
                           until: time("02:15"))
        let s = Schedule(plan: plan([a]), calendar: zone("Europe/London"))
        let spring = s.occurrences(on: day("2027-03-28")).filter { $0.action == "a" }
        XCTAssertEqual(spring.map(\.slot), ["00:45", "01:00", "02:15"])
        XCTAssertEqual(spring.map(\.isRepeat), [false, true, true])
        // Fall back: 01:00–02:00 occurs twice, each slot still once, at its first occurrence.
        let fall = s.occurrences(on: day("2027-10-31")).filter { $0.action == "a" }
        XCTAssertEqual(fall.count, 7)
        XCTAssertEqual(Set(fall.map(\.instant)).count, 7)
    }

    /// Nuuk's gap runs 23:00 → 00:00: Saturday's 23:30 fires at Sunday's first instant, unless Sunday has its own then.
    func testAGapToMidnightFiresOnTheNextDaysFirstInstant() {
        let late = PlanAction(id: "late", step: "connect", title: "Late", at: [time("23:30")])
        let both = PlanAction(id: "both", step: "connect", title: "Both", at: [time("23:30"), time("00:00")])
        let s = Schedule(plan: plan([late, both]), calendar: zone("America/Nuuk"))
        let saturday = s.occurrences(on: day("2027-03-27")).filter { $0.kind == .action }
        XCTAssertEqual(saturday.map(\.action), ["both", "late"])
        let spilled = saturday.first { $0.action == "late" }!
        XCTAssertEqual(spilled.instant, utc("2027-03-28T01:00:00Z"))
        XCTAssertTrue(spilled.shifted)
        XCTAssertEqual(saturday.first { $0.action == "both" }?.slot, "00:00", "Saturday's own 00:00; its 23:30 gives way")
        let sunday = s.occurrences(on: day("2027-03-28")).filter { $0.action == "both" }
        XCTAssertEqual(sunday.first?.instant, utc("2027-03-28T01:00:00Z"))
        // Apia skipped 2011-12-30 whole: no reminders that day.
        let apia = Schedule(plan: plan([late]), calendar: zone("Pacific/Apia"))
        XCTAssertEqual(Array(apia.occurrences(on: day("2011-12-30"))), [])
    }

    /// Days placed with one offset give exactly the instants `resolve` gives, every day of a year.
    func testUniformDaysMatchResolveEveryDay() {
        let times = ["00:00", "00:30", "01:30", "02:30", "09:30", "23:59:59"].map(time)
        let action = PlanAction(id: "a", step: "connect", title: "A", at: times)
        for (id, first) in [("Europe/London", "2027-01-01"), ("America/Santiago", "2027-01-01"),
                            ("Australia/Lord_Howe", "2027-01-01"), ("Pacific/Apia", "2011-06-01")] {
            let cal = zone(id)
            let s = Schedule(plan: plan([action]), calendar: cal)
            var d = day(first)
            for _ in 0..<366 {
                // Two times in one gap (Santiago's 00:00 and 00:30) are one reminder.
                let expected = Set(times.compactMap { cal.resolve($0, on: d)?.instant }).sorted()
                XCTAssertEqual(s.occurrences(on: d).filter { $0.action == "a" }.map(\.instant), expected, "\(id) \(d)")
                d = d.adding(days: 1)
            }
        }
    }
}
