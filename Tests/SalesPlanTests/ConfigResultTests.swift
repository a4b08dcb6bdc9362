import XCTest
@testable import SalesPlan

final class ConfigResultTests: XCTestCase {
    /// A plan without "results" tracks the built-in kinds: client, proposal, conversation-booked, revenue in EUR.
    func testDefaultsWhenAbsent() throws {
        let plan = try XCTUnwrap(plan(config()))
        XCTAssertEqual(plan.results.map(\.id), ["client", "proposal", "conversation-booked", "revenue"])
        XCTAssertEqual(plan.result(id: "revenue")?.unit, .currency("EUR"))
    }

    /// Declared results replace the defaults; a currency code is read in upper case.
    func testDeclaredResults() throws {
        let plan = try XCTUnwrap(plan(config(top: #""results": [{"id": "deal", "name": "Deals", "unit": "count"}, {"id": "fees", "name": "Fees", "unit": "chf"}],"#)))
        XCTAssertEqual(plan.results, [ResultKind(id: "deal", name: "Deals", unit: .count),
                                      ResultKind(id: "fees", name: "Fees", unit: .currency("CHF"))])
        XCTAssertEqual(plan.closestResult(to: "deals"), "deal")
    }

    /// Every problem of every result is reported with its path, its value and a hint.
    func testProblemsAreReported() {
        XCTAssertEqual(errors(config(top: #""results": [{"id": "Deal", "name": "D", "unit": "euros"}, {"id": "x", "unit": "count", "nam": "X"}, {"id": "x", "name": "Y", "unit": "count"}],"#)), [
            #"results[0].id: "Deal" is not a valid id (use up to 64 lowercase letters, digits and dashes, e.g. "deal")"#,
            #"results[0].unit: "euros" is not a unit (use "count" for things you count, or a currency code such as "EUR")"#,
            #"results[1].nam: unknown key (did you mean "name"?)"#,
            #"results[2].id: "x" is already the id of results[1] (give each result its own id)"#,
        ])
        XCTAssertEqual(errors(config(top: #""results": [],"#)).first?.hasPrefix("results: [] is empty (list the results you track"), true)
        XCTAssertEqual(errors(config(top: #""results": {"id": "a"},"#)).first?.hasPrefix(#"results: {"id": "a"} is not a list"#), true)
    }
}
