import SalesContract
import SalesPlan
import SalesScore
import XCTest

final class WeekBoundaryTests: XCTestCase {
    /// A Sunday's done counts in the week it closes when weeks start on Monday, and opens the next week when they start on Sunday.
    func testSundayBelongsToTheWeekThatWeekStartSays() {
        var ledger = LedgerBuilder()
        ledger.done("connection-requests", "2027-03-12", 5)  // Fri
        ledger.done("connection-requests", "2027-03-14", 3)  // Sun
        ledger.done("connection-requests", "2027-03-15", 5)  // Mon

        let monday = Scoreboard.fixture(ledger, today: "2027-03-24", weekStart: .mon)
        XCTAssertEqual(monday.weeks.map(\.weekStart), ["2027-03-08", "2027-03-15", "2027-03-22"])
        // Mon-start: week of 03-08 = Fri 5 + Sun 3 = 8; week of 03-15 = Mon 5.
        XCTAssertEqual(monday.week("2027-03-08")?.step("connect")?.done, 8)
        XCTAssertEqual(monday.week("2027-03-15")?.step("connect")?.done, 5)

        let sunday = Scoreboard.fixture(ledger, today: "2027-03-24", weekStart: .sun)
        XCTAssertEqual(sunday.weeks.map(\.weekStart), ["2027-03-07", "2027-03-14", "2027-03-21"])
        // Sun-start: week of 03-07 = Fri 5; week of 03-14 = Sun 3 + Mon 5 = 8.
        XCTAssertEqual(sunday.week("2027-03-07")?.step("connect")?.done, 5)
        XCTAssertEqual(sunday.week("2027-03-14")?.step("connect")?.done, 8)
        XCTAssertEqual(sunday.week("2027-03-14")?.weekEnd, "2027-03-20")
    }

    /// Without an explicit weekStart, the week starts on the day the plan in force today says.
    func testWeekStartComesFromThePlanInForceToday() {
        let versions = Fixtures.versions(Fixtures.plan(weekStart: .sun))
        let board = Scoreboard.fixture(LedgerBuilder(), versions: versions, today: "2027-03-24", weeks: 1)
        XCTAssertEqual(board.weekStart, "sun")
        XCTAssertEqual(board.currentWeek.weekStart, "2027-03-21")
    }

    /// Every week of a multi-week board has its full targets: 25 connect, 10 invite, 2 nurture, 1 converse, 5 follow-up.
    func testEachWeekHasTheWholeWeeksTargets() {
        let board = Scoreboard.fixture(LedgerBuilder(), today: "2027-03-24", weekStart: .mon)
        for week in board.weeks {
            XCTAssertEqual(week.steps.map(\.target), [25, 10, 2, 1, 5], week.weekStart)
            XCTAssertEqual(week.target, 43, week.weekStart)  // 25 + 10 + 2 + 1 + 5
            XCTAssertEqual(week.days.count, 7)
        }
        XCTAssertEqual(board.weeks.map(\.isCurrent), [false, false, true])
    }

    /// A week before the first plan version was loaded asks nothing.
    func testWeeksBeforeTheFirstPlanAskNothing() {
        let board = Scoreboard.fixture(LedgerBuilder(), versions: Fixtures.versions(from: "2027-03-15"), today: "2027-03-24")
        XCTAssertEqual(board.week("2027-03-08")?.target, 0)
        XCTAssertNil(board.week("2027-03-08")?.adherencePercent)
        XCTAssertEqual(board.week("2027-03-15")?.target, 43)
    }
}
