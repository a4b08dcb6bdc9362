import SalesContract
import SalesPlan
import SalesScore
import XCTest

final class LedgerIndexTests: XCTestCase {
    /// The scoreboard from per-day totals (what the ledger's caches hold) is the scoreboard
    /// from the events they count: skips, days off, results and the streak alike.
    func testPerDayTotalsScoreLikeTheirEvents() {
        var ledger = LedgerBuilder()
        ledger.meetPlan(Fixtures.plan(), on: "2027-03-15")
        ledger.meetPlan(Fixtures.plan(), on: "2027-03-16")
        ledger.done("connection-requests", "2027-03-22", 3)
        ledger.done("connection-requests", "2027-03-22", 2)
        let mistake = ledger.done("invites", "2027-03-22", 2)
        ledger.undo(mistake, on: "2027-03-22")
        ledger.skip("follow-ups", "2027-03-22")
        ledger.dayOff("2027-03-17")
        ledger.result("proposal", "2027-03-23", 1200)
        ledger.result("proposal", "2027-03-22", 0.1)
        ledger.result("proposal", "2027-03-22", 0.2)
        var done: [LocalDay: [String: Int]] = [:]
        for day in ["2027-03-15", "2027-03-16"] {
            for action in Fixtures.plan().actions(on: Fixtures.day(day)) {
                done[Fixtures.day(day), default: [:]][action.id] = action.target
            }
        }
        done[Fixtures.day("2027-03-22")] = ["connection-requests": 5]
        let results = ledger.events.filter { $0.kind == .result }.sorted { ($0.day, $0.id!) < ($1.day, $1.id!) }
        let index = LedgerIndex(done: done, skipped: [Fixtures.day("2027-03-22"): ["follow-ups"]],
                                daysOff: [Fixtures.day("2027-03-17")], results: results)

        let fromTotals = Scoreboard.compute(versions: Fixtures.versions(), index: index, today: Fixtures.day("2027-03-23"),
                                            now: Fixtures.time("12:00"), weeks: 2)

        XCTAssertEqual(fromTotals, Scoreboard.fixture(ledger, today: "2027-03-23", weeks: 2))
        XCTAssertEqual(fromTotals.week("2027-03-22")?.results.first?.count, 3)
    }
}
