import SalesContract
import SalesPlan
import SalesScore
import XCTest

final class DSTWeekTests: XCTestCase {
    private let daily = Plan(
        timeZone: "Europe/London",
        steps: [Step(id: "connect", name: "Connect")],
        actions: [PlanAction(id: "hello", step: "connect", title: "Say hello", target: 1, days: [.daily],
                             at: [LocalTime("01:30")!])]
    )

    /// The week in which London springs forward (Sunday 2027-03-28) still has 7 days and 7 daily targets.
    func testSpringForwardWeekCountsSevenDays() {
        var ledger = LedgerBuilder()
        for offset in 0..<7 { ledger.done("hello", LocalDay(iso: "2027-03-22")!.adding(days: offset).description) }

        let board = Scoreboard.fixture(ledger, versions: [PlanVersion(effectiveFrom: Fixtures.day("2027-03-01"), plan: daily)],
                                       today: "2027-03-29", weeks: 2)
        let week = try! XCTUnwrap(board.week("2027-03-22"))
        XCTAssertEqual(week.days.map(\.day), ["2027-03-22", "2027-03-23", "2027-03-24", "2027-03-25",
                                              "2027-03-26", "2027-03-27", "2027-03-28"])
        // 7 days × target 1; 7 done.
        XCTAssertEqual(week.step("connect")?.target, 7)
        XCTAssertEqual(week.step("connect")?.done, 7)
        XCTAssertEqual(week.adherencePercent, 100)
        XCTAssertEqual(week.days.last?.status, .met)
    }

    /// A Sunday-start week opening on the DST Sunday also spans 7 days.
    func testSundayStartWeekOpeningOnTheDSTSundaySpansSevenDays() {
        let board = Scoreboard.fixture(LedgerBuilder(), versions: [PlanVersion(effectiveFrom: Fixtures.day("2027-03-01"), plan: daily)],
                                       today: "2027-04-01", weeks: 1, weekStart: .sun)
        XCTAssertEqual(board.currentWeek.weekStart, "2027-03-28")
        XCTAssertEqual(board.currentWeek.weekEnd, "2027-04-03")
        XCTAssertEqual(board.currentWeek.step("connect")?.target, 7)
    }
}
