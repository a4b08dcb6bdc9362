import SalesContract
import SalesPlan
import SalesScore
import XCTest

/// Connect's target goes from 5 to 8 from Mon 2027-03-22 by a dated target in one plan version;
/// today Wed 03-24 at 18:00, 5 done every weekday since 03-15.
final class DatedTargetTests: XCTestCase {
    private func board() -> Scoreboard {
        var plan = Fixtures.plan(connectTarget: 5)
        plan.actions[0].targets = [DatedTarget(from: Fixtures.day("2027-03-22"), target: 8)]
        var ledger = LedgerBuilder()
        for day in ["2027-03-15", "2027-03-16", "2027-03-17", "2027-03-18", "2027-03-19",
                    "2027-03-22", "2027-03-23", "2027-03-24"] {
            ledger.done("connection-requests", day, 5)
        }
        return Scoreboard.fixture(ledger, versions: Fixtures.versions(from: "2027-03-01", plan), today: "2027-03-24",
                                  now: "18:00")
    }

    /// The new target applies from the Monday it names and not a day before.
    func testTheChangeAppliesFromItsWeekStartOnly() {
        let board = board()
        XCTAssertEqual(board.day("2027-03-19")?.actions.first?.target, 5)  // Fri before
        XCTAssertEqual(board.day("2027-03-21")?.actions.first?.target ?? 0, 0)  // Sun: not planned
        XCTAssertEqual(board.day("2027-03-22")?.actions.first?.target, 8)  // Mon
        // Week of 03-15: 5 × 5 = 25, done 25 → met. Week of 03-22: 5 × 8 = 40; expected by Wed
        // evening 3 × 8 = 24, done 15 → 9 behind.
        XCTAssertEqual(board.week("2027-03-15")?.step("connect")?.target, 25)
        XCTAssertEqual(board.week("2027-03-15")?.step("connect")?.paceText, "on pace")
        XCTAssertEqual(board.currentWeek.step("connect")?.target, 40)
        XCTAssertEqual(board.currentWeek.step("connect")?.paceText, "9 behind")
        XCTAssertEqual(board.day("2027-03-19")?.status, .missed)  // the other actions were not done
        XCTAssertEqual(board.day("2027-03-22")?.actions.first?.met, false)  // 5 of 8
    }
}
