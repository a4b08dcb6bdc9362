import XCTest
@testable import SalesPlan

final class ConfigStepTests: XCTestCase {
    private func withSteps(_ steps: String) -> String {
        #"{"version": 1, "steps": \#(steps), "actions": []}"#
    }

    /// Steps keep their order, names and reasons.
    func testReadsSteps() throws {
        let plan = try XCTUnwrap(plan(withSteps(#"[{"id": "connect", "name": "Connect", "why": "Meet people"}, {"id": "follow-up-2", "name": "Follow up"}]"#)))
        XCTAssertEqual(plan.steps, [Step(id: "connect", name: "Connect", why: "Meet people"),
                                    Step(id: "follow-up-2", name: "Follow up")])
    }

    /// Steps are required, a list, and not empty.
    func testStepsRequiredAndNonEmpty() {
        XCTAssertEqual(errors(#"{"version": 1, "actions": []}"#),
                       [#"steps: is missing (add "steps": [{"id": "connect", "name": "Connect"}, …])"#])
        XCTAssertEqual(errors(withSteps("[]")).first?.hasPrefix("steps: [] is empty (list the steps of your sales process"), true)
        XCTAssertEqual(errors(withSteps(#"{"id": "a"}"#)).first?.hasPrefix(#"steps: {"id": "a"} is not a list"#), true)
        XCTAssertEqual(errors(withSteps(#"["connect"]"#)),
                       [#"steps[0]: "connect" is not an object (use e.g. {"id": "connect", "name": "Connect"})"#])
    }

    /// Ids are lowercase slugs; the hint offers the slug of what was written.
    func testIdForm() {
        XCTAssertEqual(errors(withSteps(#"[{"id": "Follow Up!", "name": "F"}, {"id": "-x", "name": "X"}, {"id": "", "name": "Y"}]"#)), [
            #"steps[0].id: "Follow Up!" is not a valid id (use up to 64 lowercase letters, digits and dashes, e.g. "follow-up")"#,
            #"steps[1].id: "-x" is not a valid id (use up to 64 lowercase letters, digits and dashes, e.g. "x")"#,
            #"steps[2].id: "" is not a valid id (use up to 64 lowercase letters, digits and dashes, e.g. "follow-up")"#,
        ])
        XCTAssertEqual(errors(withSteps(#"[{"id": "café", "name": "C"}]"#)).count, 1)
        XCTAssertEqual(errors(withSteps(#"[{"id": "\#(String(repeating: "a", count: 65))", "name": "C"}]"#)).count, 1)
    }

    /// A step id may be used once.
    func testDuplicateIds() {
        XCTAssertEqual(errors(withSteps(#"[{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "a", "name": "C"}]"#)),
                       [#"steps[2].id: "a" is already the id of steps[0] (give each step its own id)"#])
    }

    /// Names are required, non-blank, single-line text; why is optional text.
    func testNamesAndWhy() {
        XCTAssertEqual(errors(withSteps(#"[{"id": "a"}, {"id": "b", "name": "  "}, {"id": "c", "name": "C\nD"}, {"id": "d", "name": "D", "why": 7}]"#)), [
            #"steps[0].name: is missing (give the step a name, e.g. "Connect")"#,
            #"steps[1].name: "  " is empty (write a few words)"#,
            #"steps[2].name: "C\nD" contains a control character (remove line breaks, tabs and other control characters)"#,
            "steps[3].why: 7 is not a string",
        ])
        XCTAssertEqual(errors(withSteps(#"[{"id": "a", "name": "\#(String(repeating: "n", count: 201))"}]"#)).count, 1)
    }

    /// Names in any script, with emoji and combining marks, are fine.
    func testUnicodeNames() throws {
        let plan = try XCTUnwrap(plan(withSteps(#"[{"id": "a", "name": "Rencontrer 👩🏽‍💼 e\u0301 עברית 日本"}]"#)))
        XCTAssertEqual(plan.steps[0].name, "Rencontrer 👩🏽‍💼 é עברית 日本")
    }
}
