import SalesContract
import SalesPlan
import SalesScore
import XCTest

/// Today Wed 2027-03-24 at 10:00, the ledger of ``PaceTests``: how many of the days still open
/// could be missed with the week's target still met.
final class SafeDaysTests: XCTestCase {
    private func board(_ extra: (inout LedgerBuilder) -> Void = { _ in }) -> Scoreboard {
        var ledger = LedgerBuilder()
        ledger.weekOf22MarchSoFar()
        extra(&ledger)
        return Scoreboard.fixture(ledger, today: "2027-03-24", now: "10:00")
    }

    /// Each step's safe days, from what is left to do and what each open day can still add.
    func testSafeDaysPerStep() {
        let steps = board().currentWeek.steps
        // connect: target 25, done 13, need 12; open: Wed 5 − 4 = 1, Thu 5, Fri 5 → 11 < 12 → 0.
        // invite: target 10, done 7, need 3; open: Wed 2, Thu 2, Fri 2 → 6; give up one 2 → 4 ≥ 3,
        //   a second → 2 < 3 → 1.
        // nurture: target 2, done 1, need 1; open: Thu 1 → giving it up leaves 0 < 1 → 0.
        // converse: target 1, done 0, need 1; open: Wed 1 → 0.
        // follow-up: target 5, done 0, need 5; open: Wed, Thu, Fri 1 each → 3 < 5 → 0.
        XCTAssertEqual(steps.map(\.safeDays), [0, 1, 0, 0, 0])
        XCTAssertEqual(steps.map(\.safeDaysText), ["no safe day", "1 safe day", "no safe day", "no safe day", "no safe day"])
    }

    /// With the week's target already reached, every day still open is safe; a day whose
    /// actions are done is not open.
    func testTargetReachedMakesEveryOpenDaySafe() {
        let connect = board { ledger in ledger.done("connection-requests", "2027-03-24", 16) }.currentWeek.step("connect")
        // Done 13 + 16 = 29 ≥ 25: need ≤ 0; open: Wed 5 − 20 → 0 (not open), Thu 5, Fri 5 → 2.
        XCTAssertEqual(connect?.safeDays, 2)
        XCTAssertEqual(connect?.safeDaysText, "2 safe days")
    }

    /// Small days go first: they are the ones that cost least to give up.
    func testTheSmallestOpenDaysAreGivenUpFirst() {
        let invite = board { ledger in ledger.done("invites", "2027-03-24", 1) }.currentWeek.step("invite")
        // Done 7 + 1 = 8, need 2; open: Wed 2 − 1 = 1, Thu 2, Fri 2 → 5; give up Wed 1 → 4 ≥ 2,
        // then Thu 2 → 2 ≥ 2, then Fri 2 → 0 < 2 → 2.
        XCTAssertEqual(invite?.safeDays, 2)
    }

    /// Past weeks have no safe days; the text view shows them after the pace.
    func testOnlyTheCurrentWeekAndTheText() {
        let board = board()
        XCTAssertEqual(board.week("2027-03-15")?.steps.map(\.safeDays), [nil, nil, nil, nil, nil])
        let text = ScoreboardText.render(board, color: false, width: 80)
        XCTAssertTrue(text.contains("7/10  3 ahead · 1 safe day"), text)
    }
}
