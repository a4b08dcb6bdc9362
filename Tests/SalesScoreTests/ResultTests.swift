import SalesContract
import SalesPlan
import SalesScore
import XCTest

final class ResultTests: XCTestCase {
    /// Results are counted and summed per week and kind; a result without a value counts 1.
    func testResultsPerWeekByKind() {
        var ledger = LedgerBuilder()
        ledger.result("client", "2027-03-14")             // Sun: closes the week of 03-08
        ledger.result("proposal", "2027-03-15", 2000)
        ledger.result("proposal", "2027-03-19", 1500)
        ledger.result("client", "2027-03-19")
        let board = Scoreboard.fixture(ledger, today: "2027-03-24")
        XCTAssertEqual(board.week("2027-03-08")?.results, [ResultTally(kind: "client", count: 1, sum: 1)])
        // proposal: 2 results, 2000 + 1500 = 3500.
        XCTAssertEqual(board.week("2027-03-15")?.results, [
            ResultTally(kind: "client", count: 1, sum: 1),
            ResultTally(kind: "proposal", count: 2, sum: 3500),
        ])
        XCTAssertEqual(board.week("2027-03-22")?.results, [])
    }
}
