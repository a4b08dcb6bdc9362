import XCTest
@testable import SalesPlan

final class ConfigFormerlyTests: XCTestCase {
    /// "formerly" lists the ids an action had; the plan maps each to the current id.
    func testFormerIDsMapToTheCurrentOne() throws {
        let plan = try XCTUnwrap(plan(config(action: #", "formerly": ["reqs", "old-requests"]"#)))
        XCTAssertEqual(plan.action(id: "requests")?.formerly, ["reqs", "old-requests"])
        XCTAssertEqual(plan.renames, ["reqs": "requests", "old-requests": "requests"])
        let event = Event(kind: .done, at: Date(), day: LocalDay(iso: "2026-11-27")!, action: "reqs", count: 2)
        XCTAssertEqual(plan.renamed(event).action, "requests")
        XCTAssertEqual(plan.renamed(Event(kind: .done, at: Date(), day: event.day, action: "other")).action, "other")
    }

    /// A former id may not be a current id, nor follow two actions; each is an id.
    func testProblemsAreReported() {
        let text = """
            {"version": 1, "steps": [{"id": "s", "name": "S"}], "actions": [
              {"id": "a", "step": "s", "title": "A", "formerly": ["b", "x"]},
              {"id": "b", "step": "s", "title": "B", "formerly": ["x", "Old One"]}]}
            """
        XCTAssertEqual(errors(text), [
            #"actions[1].formerly[1]: "Old One" is not a valid id (use up to 64 lowercase letters, digits and dashes, e.g. "old-one")"#,
            #"actions[0].formerly[0]: "b" is the id of an action in the plan (list only ids that are no longer used)"#,
        ])
        XCTAssertEqual(errors("""
            {"version": 1, "steps": [{"id": "s", "name": "S"}], "actions": [
              {"id": "a", "step": "s", "title": "A", "formerly": ["x"]},
              {"id": "b", "step": "s", "title": "B", "formerly": ["x"]}]}
            """), [#"actions[1].formerly[0]: "x" is already listed as a former id of "a" (history can follow one action only)"#])
    }

    /// An older plan version calls a renamed action by its new id, so past days score under it.
    func testOlderPlansAreRenamed() throws {
        let old = try XCTUnwrap(plan(config()))
        let renamed = old.renamingActions(["requests": "connection-requests"])
        XCTAssertEqual(renamed.actions.map(\.id), ["connection-requests"])
        XCTAssertEqual(old.renamingActions([:]), old)
    }
}
