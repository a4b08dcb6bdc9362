import SalesContract
import SalesPlan
import SalesScore
import XCTest

final class CoverageTests: XCTestCase {
    /// Two active steps of five read "process running at 40%: 2 of 5 steps active".
    func testCoverageCountsActiveStepsOverAllPlanSteps() {
        var ledger = LedgerBuilder()
        ledger.done("connection-requests", "2027-03-22", 5)
        ledger.done("invites", "2027-03-23", 1)
        let coverage = Scoreboard.fixture(ledger, today: "2027-03-24", weeks: 1).currentWeek.coverageOfPlanSteps
        XCTAssertEqual(coverage, Coverage(activeSteps: 2, planSteps: 5))
        XCTAssertEqual(coverage.percent, 40)  // 2 / 5
        XCTAssertEqual(coverage.text, "process running at 40%: 2 of 5 steps active")
    }

    /// An action done on a day it is not planned still makes its step active.
    func testUnplannedDoneStillCounts() {
        var ledger = LedgerBuilder()
        ledger.done("sales-call", "2027-03-27")  // a Saturday; planned on Wednesdays
        let week = Scoreboard.fixture(ledger, today: "2027-03-28", weeks: 1).currentWeek
        XCTAssertEqual(week.step("converse")?.done, 1)
        XCTAssertEqual(week.step("converse")?.target, 1)
        XCTAssertEqual(week.coverageOfPlanSteps.text, "process running at 20%: 1 of 5 steps active")
    }

    /// Coverage is tracked week by week.
    func testCoverageOverTheWeeks() {
        var ledger = LedgerBuilder()
        for action in ["connection-requests", "invites", "nurture-post", "sales-call"] { ledger.done(action, "2027-03-10") }
        ledger.done("connection-requests", "2027-03-16")
        let board = Scoreboard.fixture(ledger, today: "2027-03-24")
        // 4 of 5 = 80%, 1 of 5 = 20%, 0 of 5 = 0%.
        XCTAssertEqual(board.weeks.map(\.coverageOfPlanSteps.percent), [80, 20, 0])
    }
}
