import SalesContract
import SalesPlan
import SalesScore
import XCTest

/// The connect target goes from 5 to 8 by a reload on Wed 2027-03-24; today Fri 03-26 at 18:00.
final class TargetChangeTests: XCTestCase {
    private func board() -> Scoreboard {
        var ledger = LedgerBuilder()
        for day in ["2027-03-22", "2027-03-23", "2027-03-24", "2027-03-25", "2027-03-26"] {
            ledger.done("connection-requests", day, 5)
        }
        let versions = [
            PlanVersion(effectiveFrom: Fixtures.day("2027-03-01"), plan: Fixtures.plan(connectTarget: 5)),
            PlanVersion(effectiveFrom: Fixtures.day("2027-03-24"), plan: Fixtures.plan(connectTarget: 8)),
        ]
        return Scoreboard.fixture(ledger, versions: versions, today: "2027-03-26", now: "18:00")
    }

    /// Days before the change keep the old target; the change day and after use the new one.
    func testTargetChangeAppliesFromItsDayOnly() {
        let board = board()
        XCTAssertEqual(board.day("2027-03-23")?.actions.first?.target, 5)
        XCTAssertEqual(board.day("2027-03-24")?.actions.first?.target, 8)
        // Mon 5 + Tue 5 + Wed 8 + Thu 8 + Fri 8 = 34.
        XCTAssertEqual(board.currentWeek.step("connect")?.target, 34)
        // All reminder times passed: expected 34, done 5 × 5 = 25 → 9 behind.
        XCTAssertEqual(board.currentWeek.step("connect")?.paceText, "9 behind")
        // Met Mon and Tue (5 of 5); Wed–Fri 5 of 8 are not.
        XCTAssertEqual(board.day("2027-03-23")?.actions.first?.met, true)
        XCTAssertEqual(board.day("2027-03-24")?.actions.first?.met, false)
    }

    /// Earlier weeks are not rescored with the new target.
    func testEarlierWeeksKeepTheirTarget() {
        XCTAssertEqual(board().week("2027-03-15")?.step("connect")?.target, 25)  // 5 × 5
    }

    /// Two versions on the same day: the one loaded last is in force.
    func testLaterVersionOfTheSameDayWins() {
        let versions = [
            PlanVersion(effectiveFrom: Fixtures.day("2027-03-22"), plan: Fixtures.plan(connectTarget: 5)),
            PlanVersion(effectiveFrom: Fixtures.day("2027-03-22"), plan: Fixtures.plan(connectTarget: 7)),
        ]
        let board = Scoreboard.fixture(LedgerBuilder(), versions: versions, today: "2027-03-22", weeks: 1)
        XCTAssertEqual(board.day("2027-03-22")?.actions.first?.target, 7)
    }
}
