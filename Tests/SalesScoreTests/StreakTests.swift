import SalesContract
import SalesPlan
import SalesScore
import XCTest

/// Plan in force from Mon 2027-03-15; today Fri 03-26.
/// Mon 15 missed; Tue 16 – Fri 19 met; weekend free; Mon 22 met; Tue 23 all skipped; Wed 24 off; Thu 25 met.
final class StreakTests: XCTestCase {
    private func ledger() -> LedgerBuilder {
        let plan = Fixtures.plan()
        var ledger = LedgerBuilder()
        for day in ["2027-03-16", "2027-03-17", "2027-03-18", "2027-03-19", "2027-03-22", "2027-03-25"] {
            ledger.meetPlan(plan, on: day)
        }
        for action in plan.actions(on: Fixtures.day("2027-03-23")) { ledger.skip(action.id, "2027-03-23") }
        ledger.dayOff("2027-03-24")
        return ledger
    }

    private func board(_ ledger: LedgerBuilder) -> Scoreboard {
        Scoreboard.fixture(ledger, versions: Fixtures.versions(from: "2027-03-15"), today: "2027-03-26")
    }

    /// Skipped and off days neither break nor extend the streak; a missed day ends it.
    func testStreakRunsAcrossSkippedAndOffDays() {
        let board = board(ledger())
        XCTAssertEqual(board.day("2027-03-23")?.status, .excused)
        XCTAssertEqual(board.day("2027-03-24")?.status, .off)
        XCTAssertEqual(board.day("2027-03-15")?.status, .missed)
        XCTAssertEqual(board.day("2027-03-26")?.status, .open)
        // Thu 25 + Mon 22 + Fri 19, Thu 18, Wed 17, Tue 16 = 6; stops at Mon 15.
        XCTAssertEqual(board.streak, Streak(days: 6, includesToday: false))
        XCTAssertEqual(board.streak.text, "streak: 6 days with the plan met")
    }

    /// Today joins the streak as soon as its plan is met.
    func testTodayCountsOnceMet() {
        var ledger = ledger()
        ledger.meetPlan(Fixtures.plan(), on: "2027-03-26")
        // And so does this week: Mon 22, Thu 25 and Fri 26 met, Tue 23 skipped and Wed 24 off ask
        // nothing, so every step's weekly target (what is left of it) is met.
        XCTAssertEqual(board(ledger).streak, Streak(days: 7, includesToday: true, weeks: 1, includesThisWeek: true))
    }

    /// Undoing yesterday's only follow-up turns yesterday into a missed day and the streak into 0.
    func testUndoReachesTheStreak() {
        var ledger = ledger()
        let followUp = ledger.events.last { $0.day == Fixtures.day("2027-03-25") && $0.action == "follow-ups" }!.id!
        ledger.undo(followUp, on: "2027-03-26")
        let board = board(ledger)
        XCTAssertEqual(board.day("2027-03-25")?.status, .missed)
        XCTAssertEqual(board.streak, Streak(days: 0, includesToday: false))
    }
}
