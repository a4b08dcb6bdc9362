import Foundation
import XCTest
@testable import SalesPlan

final class ConfigTargetEditTests: XCTestCase {
    private let text = """
        {
          "version": 1,
          "steps": [ {"id": "connect", "name": "Connect"} ],
          "actions": [
            { "id": "calls",    "step": "connect", "title": "Calls — ünïcode",  "target": 5 },
            { "id": "posts", "step": "connect",
              "title": "Posts" },
            { "id": "mails", "step": "connect", "title": "Mails",
              "targets": [ {"from": "2026-11-30", "target": 2}, {"from": "2026-12-14", "target": 4} ] }
          ]
        }
        """
    private let monday = LocalDay(iso: "2026-12-07")!

    private func edit(_ id: String, _ target: Int) throws -> String {
        let plan = try Plan.parse(Data(text.utf8))
        return try ConfigTargetEdit.setting(target, from: monday, action: id, in: text, current: plan.action(id: id)!)
    }

    /// Beside a number, the dated list is inserted right after it; every other byte stays.
    func testAfterANumber() throws {
        let edited = try edit("calls", 8)
        XCTAssertEqual(edited, text.replacingOccurrences(
            of: #""target": 5 }"#, with: #""target": 5, "targets": [{"from": "2026-12-07", "target": 8}] }"#))
        let action = try Plan.parse(Data(edited.utf8)).action(id: "calls")!
        XCTAssertEqual([action.target(on: LocalDay(iso: "2026-12-06")!), action.target(on: monday)], [5, 8])
    }

    /// Without a target (the default, 1), the list follows the id.
    func testWithoutATarget() throws {
        XCTAssertEqual(try edit("posts", 3), text.replacingOccurrences(
            of: #""id": "posts", "step""#, with: #""id": "posts", "targets": [{"from": "2026-12-07", "target": 3}], "step""#))
    }

    /// An existing list keeps its earlier entries; the ones from that day on give way.
    func testAnExistingList() throws {
        XCTAssertEqual(try edit("mails", 3), text.replacingOccurrences(
            of: #"[ {"from": "2026-11-30", "target": 2}, {"from": "2026-12-14", "target": 4} ]"#,
            with: #"[{"from": "2026-11-30", "target": 2}, {"from": "2026-12-07", "target": 3}]"#))
    }

    /// The target already in force: the text is returned as it was; an unknown id is refused.
    func testNoChangeAndUnknownAction() throws {
        XCTAssertEqual(try edit("calls", 5), text)
        XCTAssertThrowsError(try ConfigTargetEdit.setting(
            2, from: monday, action: "nope", in: text, current: PlanAction(id: "nope", step: "connect", title: "x"))) {
            XCTAssertEqual($0 as? ConfigTargetEdit.Failure, .noSuchAction("nope"))
        }
    }
}
