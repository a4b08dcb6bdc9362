import SalesContract
import SalesPlan
import SalesScore
import XCTest

/// Plan in force from Mon 2027-03-01 with the week of 03-15 off by the config's range; today Wed 03-31.
/// Weekly targets: connect 25, invite 10, nurture 2, converse 1, follow-up 5.
final class WeekStreakTests: XCTestCase {
    private let plan = Fixtures.plan(daysOff: (15...21).map { "2027-03-\($0)" })

    private func meetWeek(_ ledger: inout LedgerBuilder, from monday: String) {
        for n in 0..<7 { ledger.meetPlan(plan, on: Fixtures.day(monday).adding(days: n).description) }
    }

    private func board(_ ledger: LedgerBuilder) -> Scoreboard {
        Scoreboard.fixture(ledger, versions: Fixtures.versions(from: "2027-03-01", plan), today: "2027-03-31", weeks: 5)
    }

    /// Weeks with every step's target met count back from last week; an all-off week neither
    /// breaks nor extends it; the first week short of a target ends it.
    func testWeeksStreak() {
        var ledger = LedgerBuilder()
        meetWeek(&ledger, from: "2027-03-01")
        meetWeek(&ledger, from: "2027-03-08")
        meetWeek(&ledger, from: "2027-03-22")
        // Back from last week: 03-22 met (1), 03-15 all off (–), 03-08 met (2), 03-01 met (3); then
        // no plan before 03-01. This week is not met yet (Mon 29 – Wed 31 had nothing done).
        XCTAssertEqual(board(ledger).streak.weeks, 3)
        XCTAssertEqual(board(ledger).streak.includesThisWeek, false)
        XCTAssertEqual(board(ledger).streak.weeksText, "3 weeks with every step's target met")
        // One follow-up short on Fri 03-26 → week 03-22 has follow-up 4 of 5 → the streak is 0.
        let short = ledger.events.last { $0.day == Fixtures.day("2027-03-26") && $0.action == "follow-ups" }!.id!
        ledger.undo(short, on: "2027-03-31")
        XCTAssertEqual(board(ledger).streak.weeks, 0)
    }

    /// This week joins once every step has reached its weekly target, however early.
    func testThisWeekCountsOnceMet() {
        var ledger = LedgerBuilder()
        meetWeek(&ledger, from: "2027-03-22")
        // Mon 03-29 alone: connect 25, invites 10, nurture 2, the call 1, follow-ups 5: every weekly target.
        for (action, count) in [("connection-requests", 25), ("invites", 10), ("nurture-post", 2), ("sales-call", 1),
                                ("follow-ups", 5)] {
            ledger.done(action, "2027-03-29", count)
        }
        // This week (1) + 03-22 (2); 03-15 off; 03-08 had nothing done → stops.
        XCTAssertEqual(board(ledger).streak, Streak(days: board(ledger).streak.days, includesToday: false,
                                                    weeks: 2, includesThisWeek: true))
    }

    /// The config's vacation range is off on the scoreboard: no targets, days "off".
    func testAVacationRangeIsOff() {
        let week = board(LedgerBuilder()).week("2027-03-15")
        XCTAssertEqual(week?.target, 0)
        XCTAssertEqual(week?.days.map(\.status), Array(repeating: .off, count: 7))
    }
}
