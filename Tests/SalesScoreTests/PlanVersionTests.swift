import Foundation
import SalesContract
import SalesPlan
import SalesScore
import XCTest

final class PlanVersionTests: XCTestCase {
    /// Plan events become versions effective on their day; unreadable payloads are left out.
    func testVersionsFromLedgerPlanEvents() {
        let at = Date(timeIntervalSince1970: 0)
        let events = [
            Event(id: 1, kind: .plan, at: at, day: Fixtures.day("2027-03-01"), payload: "five"),
            Event(id: 2, kind: .done, at: at, day: Fixtures.day("2027-03-02"), action: "invites"),
            Event(id: 3, kind: .plan, at: at, day: Fixtures.day("2027-03-10"), payload: "garbage"),
            Event(id: 4, kind: .plan, at: at, day: Fixtures.day("2027-03-24"), payload: "eight"),
        ]
        let plans = ["five": Fixtures.plan(connectTarget: 5), "eight": Fixtures.plan(connectTarget: 8)]
        let versions = PlanVersion.fromLedger(events) { plans[$0] }
        XCTAssertEqual(versions, [
            PlanVersion(effectiveFrom: Fixtures.day("2027-03-01"), plan: Fixtures.plan(connectTarget: 5)),
            PlanVersion(effectiveFrom: Fixtures.day("2027-03-24"), plan: Fixtures.plan(connectTarget: 8)),
        ])
    }
}
