import XCTest
@testable import SalesPlan

final class ConfigFollowUpTests: XCTestCase {
    private func withFollowUp(_ followUp: String) -> String {
        #"{"version": 1, "steps": [{"id": "invite", "name": "Invite", "followUp": \#(followUp)}], "actions": []}"#
    }

    /// A step's followUp is read as whole local days; a step without one has none.
    func testReadsFollowUp() throws {
        let plan = try XCTUnwrap(plan(withFollowUp(#"{"ideal": "3d", "max": "7d"}"#)))
        XCTAssertEqual(plan.steps[0].followUp, FollowUp(ideal: 3, max: 7))
        XCTAssertNil(try XCTUnwrap(SalesPlanTests.plan(config())).steps[0].followUp)
    }

    /// Bad durations, a max shorter than ideal, missing and unknown keys: each reported with its path and a hint.
    func testErrors() {
        XCTAssertEqual(errors(withFollowUp(#"{"ideal": "3h", "max": "7d"}"#)), [
            #"steps[0].followUp.ideal: "3h" is not a number of days (use a whole number of days from 0 to 3650 and d, e.g. "3d" (days count at local midnight))"#,
        ])
        XCTAssertEqual(errors(withFollowUp(#"{"ideal": "5d", "max": "2d"}"#)), [
            #"steps[0].followUp.max: "2d" is shorter than ideal (5d) (use "5d" or more, or shorten ideal)"#,
        ])
        XCTAssertEqual(errors(withFollowUp(#"{"ideal": "3d"}"#)), [
            #"steps[0].followUp.max: is missing (add "max": "7d", the days after which a person is overdue)"#,
        ])
        XCTAssertEqual(errors(withFollowUp(#"{"idel": "3d", "max": "7d"}"#)), [
            #"steps[0].followUp.idel: unknown key (did you mean "ideal"?)"#,
        ])
        XCTAssertEqual(errors(withFollowUp(#""3d""#)), [
            #"steps[0].followUp: "3d" is not an object (use e.g. {"ideal": "3d", "max": "7d"})"#,
        ])
        XCTAssertEqual(errors(withFollowUp(#"{"ideal": "-1d", "max": "99999d"}"#)).count, 2)
    }

    /// Day counts: 0d is allowed, a sign, a fraction or another unit is not.
    func testDays() {
        XCTAssertEqual(FollowUp.days("0d"), 0)
        XCTAssertEqual(FollowUp.days("14d"), 14)
        XCTAssertEqual(FollowUp.days("3650d"), 3650)
        for bad in ["d", "3", "3D", "+3d", "1.5d", "3651d", " 3d", "٣d"] { XCTAssertNil(FollowUp.days(bad), bad) }
    }

    /// Due from the ideal day on, overdue only past max.
    func testState() {
        let followUp = FollowUp(ideal: 3, max: 7)
        XCTAssertEqual((0...9).map { followUp.state(daysSince: $0) },
                       [.ok, .ok, .ok, .due, .due, .due, .due, .due, .overdue, .overdue])
        XCTAssertEqual(FollowUp(ideal: 0, max: 0).state(daysSince: 0), .due)
        XCTAssertEqual(followUp.state(lastTouch: LocalDay(iso: "2026-02-26")!, today: LocalDay(iso: "2026-03-01")!), .due)
    }

    /// `won` names the kinds ctl won records; each must be one of the plan's results.
    func testWon() throws {
        XCTAssertEqual(try XCTUnwrap(plan(config())).won, WonResults(count: "client", value: "revenue"))
        let custom = try XCTUnwrap(plan(config(top: #""won": {"count": "proposal", "value": null},"#)))
        XCTAssertEqual(custom.won, WonResults(count: "proposal", value: nil))
        XCTAssertEqual(errors(config(top: #""won": {"count": "clients"},"#)), [
            #"won.count: "clients" is not one of the plan's results (did you mean "client"?)"#,
        ])
    }

    /// followUp and won survive the canonical JSON the ledger stores.
    func testCanonicalRoundTrip() throws {
        var original = try XCTUnwrap(plan(withFollowUp(#"{"ideal": "2d", "max": "9d"}"#)))
        original.won = WonResults(count: "proposal", value: nil)
        XCTAssertEqual(try Plan.parse(Data(original.canonicalJSON().utf8)), original)
    }
}
