import SalesContract
import SalesPlan
import SalesScore
import XCTest

/// Week of Mon 2027-03-22; today Fri 03-26 at 08:00, before any reminder time.
/// Mon: invites skipped. Tue: off in the config. Wed: off by a day-off event. Thu: all met.
final class ExcuseTests: XCTestCase {
    private func board() -> Scoreboard {
        var ledger = LedgerBuilder()
        ledger.skip("invites", "2027-03-22")
        ledger.done("connection-requests", "2027-03-22", 5)
        ledger.done("follow-ups", "2027-03-22")
        ledger.dayOff("2027-03-24")
        ledger.meetPlan(Fixtures.plan(), on: "2027-03-25")
        let versions = Fixtures.versions(from: "2027-03-22", Fixtures.plan(daysOff: ["2027-03-23"]))
        return Scoreboard.fixture(ledger, versions: versions, today: "2027-03-26", now: "08:00", weeks: 1)
    }

    /// Off days (config or event) ask nothing and excuse every action.
    func testOffDaysAskNothing() {
        let board = board()
        for off in ["2027-03-23", "2027-03-24"] {
            let day = try! XCTUnwrap(board.day(off))
            XCTAssertEqual(day.status, .off, off)
            XCTAssertFalse(day.actions.isEmpty, off)
            XCTAssertTrue(day.actions.allSatisfy { $0.target == 0 && $0.excused && $0.met }, off)
        }
    }

    /// A skipped action keeps its planned target on the day but is met, and no longer counts toward the week.
    func testSkipExcusesTheAction() throws {
        let board = board()
        let monday = try XCTUnwrap(board.day("2027-03-22"))
        let invites = try XCTUnwrap(monday.actions.first { $0.action == "invites" })
        XCTAssertEqual(invites.target, 2)
        XCTAssertTrue(invites.excused)
        XCTAssertTrue(invites.met)
        XCTAssertEqual(monday.status, .met)
        // invite: Mon skipped 0 + Tue off 0 + Wed off 0 + Thu 2 + Fri 2 = 4.
        XCTAssertEqual(board.currentWeek.step("invite")?.target, 4)
        // connect: Mon 5 + Thu 5 + Fri 5 = 15; nurture: Thu 1; converse: Wed off = 0; follow-up: Mon + Thu + Fri = 3.
        XCTAssertEqual(board.currentWeek.steps.map(\.target), [15, 4, 1, 0, 3])
    }

    /// Excused days lower what is expected by now, so catching up the other days reads "on pace".
    func testExcusedDaysKeepThePaceHonest() {
        let week = board().currentWeek
        // connect expected: Mon 5 + Thu 5 (Fri's 09:30 not yet at 08:00) = 10; done 5 + 5 = 10.
        XCTAssertEqual(week.step("connect")?.expected, 10)
        XCTAssertEqual(week.step("connect")?.paceText, "on pace")
        // invite expected: Thu 2 = 2; done 2.
        XCTAssertEqual(week.step("invite")?.paceText, "on pace")
    }

    /// The streak runs through off days without counting them: Thu met, Wed and Tue off, Mon met = 2.
    func testOffDaysDoNotBreakTheStreak() {
        XCTAssertEqual(board().streak, Streak(days: 2, includesToday: false))
    }
}
