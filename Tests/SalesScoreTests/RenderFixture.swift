import SalesContract
import SalesPlan
import SalesScore

/// Three weeks of a consultant's work, for the renderings; today Wed 2027-03-24 at 10:00.
enum RenderFixture {
    static func board(plan: Plan = Fixtures.plan()) -> Scoreboard {
        var ledger = LedgerBuilder()
        for day in ["2027-03-08", "2027-03-09", "2027-03-10", "2027-03-11", "2027-03-12"] { ledger.meetPlan(plan, on: day) }
        ledger.done("connection-requests", "2027-03-15", 5)
        ledger.done("connection-requests", "2027-03-16", 5)
        ledger.done("invites", "2027-03-16", 2)
        ledger.result("proposal", "2027-03-12", 2000)
        ledger.result("client", "2027-03-19")
        ledger.weekOf22MarchSoFar()
        ledger.result("proposal", "2027-03-23", 1500.5)
        return Scoreboard.fixture(ledger, versions: [PlanVersion(effectiveFrom: Fixtures.day("2027-03-01"), plan: plan)],
                                  today: "2027-03-24", now: "10:00")
    }
}
