import SalesContract
import SalesPlan
import SalesScore
import XCTest

final class UndoTests: XCTestCase {
    /// An undone done disappears from the day, the week, the pace and the coverage.
    func testUndoIsReflectedEverywhere() throws {
        var ledger = LedgerBuilder()
        ledger.done("connection-requests", "2027-03-22", 5)
        let mistake = ledger.done("connection-requests", "2027-03-22", 3)
        let followUp = ledger.done("follow-ups", "2027-03-22")
        ledger.undo(mistake, on: "2027-03-22")
        ledger.undo(followUp, on: "2027-03-23")

        let board = Scoreboard.fixture(ledger, today: "2027-03-23", now: "08:00", weeks: 1)
        let monday = try XCTUnwrap(board.day("2027-03-22"))
        // 5 + 3 − 3 undone = 5.
        XCTAssertEqual(monday.actions.first { $0.action == "connection-requests" }?.done, 5)
        XCTAssertEqual(monday.actions.first { $0.action == "follow-ups" }?.done, 0)
        XCTAssertEqual(monday.status, .missed)  // invites 0 of 2, follow-ups 0 of 1
        let week = board.currentWeek
        XCTAssertEqual(week.step("connect")?.done, 5)
        XCTAssertEqual(week.step("follow-up")?.done, 0)
        // follow-up expected Mon 1 (Tue's 16:00 not yet) − done 0 = 1 behind.
        XCTAssertEqual(week.step("follow-up")?.paceText, "1 behind")
        // Only connect is active: 1 of 5 = 20%.
        XCTAssertEqual(week.coverageOfPlanSteps.text, "process running at 20%: 1 of 5 steps active")
    }

    /// An undone result is not counted.
    func testUndoCancelsAResult() {
        var ledger = LedgerBuilder()
        let wrong = ledger.result("client", "2027-03-22")
        ledger.result("proposal", "2027-03-22", 1200)
        ledger.undo(wrong, on: "2027-03-22")
        let board = Scoreboard.fixture(ledger, today: "2027-03-23", weeks: 1)
        XCTAssertEqual(board.currentWeek.results, [ResultTally(kind: "proposal", count: 1, sum: 1200)])
    }
}
