import Foundation
@testable import SalesDaemon
import SalesPlan
import SalesSchedule
import XCTest

/// `Status` works out the next reminder and today's progress once per state of the engine.
final class StatusMemoTests: XCTestCase {
    private let day = LocalDay(year: 2026, month: 11, day: 27)!
    /// 2026-11-27 09:30 UTC.
    private let nine30 = Date(timeIntervalSince1970: 1_795_771_800)

    private var occurrence: Occurrence {
        Occurrence(kind: .action, action: "calls", day: day, time: LocalTime("09:30")!, instant: nine30)
    }

    /// Until the next reminder fires, later calls get it without working it out again.
    func testTheNextReminderIsWorkedOutOnceUntilItFires() {
        var memo = StatusMemo()
        var computed: [Date] = []
        let compute = { (now: Date) -> Occurrence? in computed.append(now); return self.occurrence }
        let asked = nine30.addingTimeInterval(-600)
        XCTAssertEqual(memo.nextReminder(after: asked, compute), occurrence)
        XCTAssertEqual(memo.nextReminder(after: asked.addingTimeInterval(1), compute), occurrence)
        XCTAssertEqual(memo.nextReminder(after: nine30.addingTimeInterval(-0.001), compute), occurrence)
        XCTAssertEqual(computed, [asked])

        _ = memo.nextReminder(after: nine30, compute)
        XCTAssertEqual(computed, [asked, nine30], "at its instant it is no longer next")
    }

    /// A clock that went back before the answer was worked out asks again: an earlier reminder may be next.
    func testAClockThatWentBackAsksAgain() {
        var memo = StatusMemo()
        var computed = 0
        let compute = { (_: Date) -> Occurrence? in computed += 1; return self.occurrence }
        _ = memo.nextReminder(after: nine30.addingTimeInterval(-60), compute)
        _ = memo.nextReminder(after: nine30.addingTimeInterval(-3600), compute)
        XCTAssertEqual(computed, 2)
    }

    /// No reminder is remembered for a day (finding none means searching a year of days); a
    /// day later, or on a clock that went back, it is worked out again.
    func testNoReminderIsRememberedForADay() {
        var memo = StatusMemo()
        var computed: [Date] = []
        let compute = { (now: Date) -> Occurrence? in computed.append(now); return nil }
        XCTAssertNil(memo.nextReminder(after: nine30, compute))
        XCTAssertNil(memo.nextReminder(after: nine30.addingTimeInterval(86_399), compute))
        XCTAssertEqual(computed, [nine30])
        let dayLater = nine30.addingTimeInterval(86_400)
        XCTAssertNil(memo.nextReminder(after: dayLater, compute))
        XCTAssertNil(memo.nextReminder(after: nine30, compute))
        XCTAssertEqual(computed, [nine30, dayLater, nine30])
    }

    /// Today's progress is counted once per day.
    func testProgressIsCountedOncePerDay() {
        var memo = StatusMemo()
        var counted: [LocalDay] = []
        let count = { (day: LocalDay) -> (planned: Int, done: Int) in counted.append(day); return (3, 1) }
        XCTAssertEqual(memo.progress(on: day, count).planned, 3)
        XCTAssertEqual(memo.progress(on: day, count).done, 1)
        _ = memo.progress(on: day.adding(days: 1), count)
        XCTAssertEqual(counted, [day, day.adding(days: 1)])
    }
}
