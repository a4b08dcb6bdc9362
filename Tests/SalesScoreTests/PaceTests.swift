import SalesContract
import SalesPlan
import SalesScore
import XCTest

/// Today Wed 2027-03-24 at 10:00: connect's 09:30 has passed; invites (11:00), follow-ups (16:00)
/// and the sales call (no time: end of day) are not expected yet today.
final class PaceTests: XCTestCase {
    private func board(now: String = "10:00") -> Scoreboard {
        var ledger = LedgerBuilder()
        ledger.weekOf22MarchSoFar()
        ledger.done("connection-requests", "2027-03-16", 20)
        return Scoreboard.fixture(ledger, today: "2027-03-24", now: now)
    }

    /// Pace compares done with what the plan expects by now, in words.
    func testPaceAtTenOnWednesday() {
        let steps = board().currentWeek.steps
        // connect: expected Mon 5 + Tue 5 + Wed 5 (09:30 passed) = 15; done 5 + 4 + 4 = 13 → 2 behind.
        // invite: expected Mon 2 + Tue 2 = 4; done 4 + 3 = 7 → 3 ahead.
        // nurture: expected Tue 1; done 1 → on pace.
        // converse: Wed's call has no time, expected at end of day → 0; on pace.
        // follow-up: expected Mon 1 + Tue 1 = 2; done 0 → 2 behind.
        XCTAssertEqual(steps.map(\.expected), [15, 4, 1, 0, 2])
        XCTAssertEqual(steps.map(\.pace), [-2, 3, 0, 0, -2])
        XCTAssertEqual(steps.map(\.paceText), ["2 behind", "3 ahead", "on pace", "on pace", "2 behind"])
    }

    /// Before 09:30, today's connection requests are not expected yet.
    func testTodaysActionsAreExpectedOnlyOnceTheirTimeHasPassed() {
        // connect expected: Mon 5 + Tue 5 = 10; done 13 → 3 ahead.
        XCTAssertEqual(board(now: "09:29").currentWeek.step("connect")?.paceText, "3 ahead")
        XCTAssertEqual(board(now: "09:30").currentWeek.step("connect")?.paceText, "2 behind")
    }

    /// A past week is paced against its whole target.
    func testPastWeekIsPacedAgainstItsWholeTarget() {
        // Week of 03-15: connect done 20 of 25 → 5 behind.
        let step = board().week("2027-03-15")?.step("connect")
        XCTAssertEqual(step?.expected, 25)
        XCTAssertEqual(step?.paceText, "5 behind")
        XCTAssertEqual(step?.adherencePercent, 20)  // all 20 on Tue: min(20, 5) = 5 of 25
    }

    /// Adherence credits each action-day at most its target, so a busy day cannot hide an idle one.
    func testAdherenceIsCappedPerActionDay() {
        let week = board().currentWeek
        // invite: Mon min(4, 2) + Tue min(3, 2) = 4 of 10 = 40%, although 7 were done.
        XCTAssertEqual(week.step("invite")?.adherencePercent, 40)
        // Week: connect 5 + 4 + 4 = 13, invite 4, nurture 1 → 18 of 43 = 41.86 → 42%.
        XCTAssertEqual(week.adherencePercent, 42)
    }
}
