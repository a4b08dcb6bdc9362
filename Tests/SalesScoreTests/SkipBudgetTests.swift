import SalesContract
import SalesPlan
import SalesScore
import XCTest

/// Plan in force from Mon 2027-03-01 with a shared `skipBudget` of 2 a month, except
/// connection requests, which have a budget of their own: 0. Every other action is done to plan.
final class SkipBudgetTests: XCTestCase {
    private func plan() -> Plan {
        var plan = Fixtures.plan()
        plan.skipBudget = 2
        plan.actions[0].skipBudget = 0  // connection-requests
        return plan
    }

    private func board(_ build: (inout LedgerBuilder) -> Void) -> Scoreboard {
        var ledger = LedgerBuilder()
        build(&ledger)
        return Scoreboard.fixture(ledger, versions: Fixtures.versions(from: "2027-03-01", plan()), today: "2027-04-02",
                                  weeks: 6)
    }

    /// Meets every action planned on `day` except `skipped`, which is skipped.
    private func meetSkipping(_ ledger: inout LedgerBuilder, _ day: String, _ skipped: String...) {
        for action in plan().actions(on: Fixtures.day(day)) {
            if skipped.contains(action.id) { ledger.skip(action.id, day) } else { ledger.done(action.id, day, action.target) }
        }
    }

    private func statuses(_ board: Scoreboard, _ days: String...) -> [DayStatus?] {
        days.map { board.day($0)?.status }
    }

    /// The month's first two shared skips are excused; the third counts as a miss.
    func testSkipsBeyondTheBudgetAreMisses() {
        let board = board { ledger in
            // March: follow-ups skipped Mon 1, Tue 2, Wed 3 → shared skips 1, 2 (≤ 2: excused), 3 (> 2: a miss).
            for day in ["2027-03-01", "2027-03-02", "2027-03-03"] { meetSkipping(&ledger, day, "follow-ups") }
        }
        XCTAssertEqual(statuses(board, "2027-03-01", "2027-03-02", "2027-03-03"), [.met, .met, .missed])
        let followUp = board.day("2027-03-03")?.actions.first { $0.action == "follow-ups" }
        XCTAssertEqual(followUp?.excused, false)
        // Week of 03-01, follow-up: target 5 days × 1 − 2 excused = 3; done 0 → 3 behind (a past week: all expected).
        XCTAssertEqual(board.week("2027-03-01")?.step("follow-up")?.target, 3)
        XCTAssertEqual(board.week("2027-03-01")?.step("follow-up")?.paceText, "3 behind")
    }

    /// The budget is per calendar month: April starts again at 0 spent.
    func testTheBudgetRenewsEachMonth() {
        let board = board { ledger in
            // March: Tue 30, Wed 31 spend the 2; April: Thu 1 is April's first → excused.
            for day in ["2027-03-30", "2027-03-31", "2027-04-01"] { meetSkipping(&ledger, day, "invites") }
        }
        XCTAssertEqual(statuses(board, "2027-03-30", "2027-03-31", "2027-04-01"), [.met, .met, .met])
    }

    /// An action with its own budget spends only that, not the shared one; 0 means every skip is a miss.
    func testAnActionsOwnBudget() {
        let board = board { ledger in
            // Mon 8: connection requests skipped → own budget 0: a miss; shared still 0 of 2 spent.
            meetSkipping(&ledger, "2027-03-08", "connection-requests")
            // Tue 9, Wed 10: invites skipped → shared 1, 2: excused.
            for day in ["2027-03-09", "2027-03-10"] { meetSkipping(&ledger, day, "invites") }
        }
        XCTAssertEqual(statuses(board, "2027-03-08", "2027-03-09", "2027-03-10"), [.missed, .met, .met])
    }

    /// A skip on a day off, or of an action not planned that day, spends nothing.
    func testSkipsThatAskNothingSpendNothing() {
        let board = board { ledger in
            // Mon 15 off, and its follow-up skipped: nothing spent.
            ledger.dayOff("2027-03-15")
            ledger.skip("follow-ups", "2027-03-15")
            // Sat 20: follow-ups are weekday actions: nothing spent.
            ledger.skip("follow-ups", "2027-03-20")
            // Tue 16, Wed 17 are the month's first two shared skips: excused.
            for day in ["2027-03-16", "2027-03-17"] { meetSkipping(&ledger, day, "follow-ups") }
        }
        XCTAssertEqual(statuses(board, "2027-03-15", "2027-03-16", "2027-03-17"), [.off, .met, .met])
    }

    /// Without a budget every skip is excused, as before.
    func testNoBudgetExcusesEverySkip() {
        var ledger = LedgerBuilder()
        for day in ["2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04"] {
            for action in Fixtures.plan().actions(on: Fixtures.day(day)) { ledger.skip(action.id, day) }
        }
        let board = Scoreboard.fixture(ledger, versions: Fixtures.versions(from: "2027-03-01"), today: "2027-03-05")
        XCTAssertEqual(statuses(board, "2027-03-01", "2027-03-04"), [.excused, .excused])
    }
}
