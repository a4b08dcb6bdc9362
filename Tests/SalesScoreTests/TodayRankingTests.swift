import SalesContract
import SalesPlan
import SalesScore
import XCTest

final class TodayRankingTests: XCTestCase {
    /// Open actions come by reminder time, ties go to the step furthest behind, finished ones last.
    func testRanksByTimeThenByStepFurthestBehind() {
        let t = Fixtures.time
        let states = [
            TodayActionState(action: "invites", nextAt: t("11:00"), finished: false),
            TodayActionState(action: "sales-call", nextAt: nil, finished: false),
            TodayActionState(action: "follow-ups", nextAt: t("11:00"), finished: false),
            TodayActionState(action: "connection-requests", nextAt: t("09:30"), finished: true),
            TodayActionState(action: "nurture-post", nextAt: t("10:00"), finished: false),
        ]
        let pace = ["connect": 0, "invite": -1, "nurture": 0, "converse": 0, "follow-up": -4]
        let ranked = TodayRanking.rank(states, plan: Fixtures.plan(), paceByStep: pace)
        XCTAssertEqual(ranked.map(\.action), ["nurture-post", "follow-ups", "invites", "sales-call", "connection-requests"])
    }

    /// The scoreboard hands the ranking this week's pace per step.
    func testPaceByStepComesFromTheCurrentWeek() {
        var ledger = LedgerBuilder()
        ledger.done("connection-requests", "2027-03-22", 2)
        let board = Scoreboard.fixture(ledger, today: "2027-03-23", now: "08:00", weeks: 1)
        // connect: expected Mon 5, done 2 → −3; invite: Mon 2 → −2; follow-up: Mon 1 → −1.
        XCTAssertEqual(board.paceByStep, ["connect": -3, "invite": -2, "nurture": 0, "converse": 0, "follow-up": -1])
    }
}
