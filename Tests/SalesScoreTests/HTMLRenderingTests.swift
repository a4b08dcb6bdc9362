import SalesContract
import SalesPlan
import SalesScore
import XCTest

final class HTMLRenderingTests: XCTestCase {
    private func page(plan: Plan = Fixtures.plan()) -> String {
        ScoreboardHTML.render(RenderFixture.board(plan: plan), plan: plan, today: Fixtures.day("2027-03-24"))
    }

    /// The page holds the four charts, findable by id and class.
    func testPageHasTheCharts() {
        let html = page()
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<svg id=\"chart-steps\""))
        XCTAssertTrue(html.contains("<svg id=\"chart-coverage\""))
        XCTAssertTrue(html.contains("<polyline class=\"coverage-line\""))
        XCTAssertTrue(html.contains("<table id=\"today-plan\">"))
        // 3 weeks × 5 steps bars, each with a target mark.
        XCTAssertEqual(html.components(separatedBy: "<rect class=\"bar\"").count - 1, 15)
        XCTAssertEqual(html.components(separatedBy: "<line class=\"target-mark\"").count - 1, 15)
        // Results: proposal in weeks 03-08 and 03-22, client in week 03-15.
        XCTAssertEqual(html.components(separatedBy: "class=\"result-marker\"").count - 1, 3)
        XCTAssertTrue(html.contains("process running at 60%: 3 of 5 steps active"))
    }

    /// The page loads nothing from anywhere: no URLs, no scripts, no external references.
    func testPageIsSelfContained() {
        let html = page()
        for forbidden in ["http://", "https://", "<script", "<link", "src=", "@import", "url("] {
            XCTAssertFalse(html.contains(forbidden), forbidden)
        }
    }

    /// User text is escaped, so a title like `<script>` shows as text.
    func testUserTextIsEscaped() {
        var plan = Fixtures.plan()
        plan.actions[0].title = "<script>alert('x')</script> & more"
        plan.steps[0].name = "Connect <b>"
        let html = page(plan: plan)
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("Connect <b>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
        XCTAssertTrue(html.contains("Connect &lt;b&gt;"))
    }

    /// A "<" followed by a combining mark is one Character in Swift, not equal to "<": it is
    /// escaped all the same, so no tag can open.
    func testAngleBracketWithACombiningMarkIsEscaped() {
        var plan = Fixtures.plan()
        plan.actions[0].title = "<\u{301}img onerror=x>"
        let html = page(plan: plan)
        XCTAssertFalse(html.contains("<\u{301}img"))
        XCTAssertTrue(html.contains("&lt;\u{301}img onerror=x&gt;"))
    }

    /// Today's plan lists today's actions by reminder time, with done against target.
    func testTodaysPlanTable() throws {
        let html = page()
        let start = try XCTUnwrap(html.range(of: "<table id=\"today-plan\">"))
        let end = try XCTUnwrap(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
        let table = String(html[start.lowerBound..<end.upperBound])
        // Wednesday: connect 09:30, invites 11:00, follow-ups 16:00, then the untimed sales call.
        let order = ["Send connection requests", "Invite to the newsletter", "Follow up open proposals", "Hold a sales conversation"]
        let positions = order.map { table.range(of: $0)?.lowerBound }
        XCTAssertFalse(positions.contains(nil))
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        XCTAssertTrue(table.contains("<td>4/5</td>"))
        XCTAssertFalse(table.contains("Publish a useful post"))  // nurture is Tue/Thu
    }

    /// Amounts of money get their own chart and axis in their currency; counts stay on the coverage chart.
    func testMoneyAndCountsGetSeparateAxes() {
        var plan = Fixtures.plan()
        plan.results = [ResultKind(id: "client", name: "Clients", unit: .count),
                        ResultKind(id: "proposal", name: "Proposals", unit: .currency("EUR"))]
        let html = page(plan: plan)
        let coverage = html.components(separatedBy: "<svg id=\"chart-coverage\"")[1].components(separatedBy: "</svg>")[0]
        let money = html.components(separatedBy: "<svg id=\"chart-money-eur\"")[1].components(separatedBy: "</svg>")[0]
        XCTAssertEqual(coverage.components(separatedBy: "data-kind=\"client\"").count - 1, 1)
        XCTAssertFalse(coverage.contains("data-kind=\"proposal\""))
        XCTAssertEqual(money.components(separatedBy: "data-kind=\"proposal\"").count - 1, 2)
        XCTAssertTrue(money.contains("2000 EUR</text>"), "the axis is labelled in the currency")
        XCTAssertTrue(html.contains("<h2>Results in EUR</h2>"))
    }
}
