import Foundation
import XCTest
@testable import SalesPlan

final class ConfigDatedTargetTests: XCTestCase {
    /// `targets` beside a number: the number before the first day, each dated value from its day on.
    func testTargetsBesideANumber() throws {
        let parsed = try XCTUnwrap(plan(config(action: #", "target": 5, "targets": [{"from": "2026-12-07", "target": 8}, {"from": "2027-01-04", "target": 6}]"#)))
        let action = try XCTUnwrap(parsed.actions.first)
        XCTAssertEqual(action.targets, [DatedTarget(from: LocalDay(iso: "2026-12-07")!, target: 8),
                                        DatedTarget(from: LocalDay(iso: "2027-01-04")!, target: 6)])
        // Sun 6 Dec still 5; Mon 7 Dec 8; Sun 3 Jan 8; Mon 4 Jan 6.
        XCTAssertEqual(["2026-12-06", "2026-12-07", "2027-01-03", "2027-01-04"].map { action.target(on: LocalDay(iso: $0)!) },
                       [5, 8, 8, 6])
        XCTAssertEqual(try Plan.parse(Data(parsed.canonicalJSON().utf8)), parsed)
    }

    /// `target` may itself be the list; before its first day the default target, 1, holds.
    func testTargetAsAList() throws {
        let action = try XCTUnwrap(plan(config(action: #", "target": [{"from": "2026-12-07", "target": 8}]"#))?.actions.first)
        XCTAssertEqual(action.target(on: LocalDay(iso: "2026-12-06")!), 1)
        XCTAssertEqual(action.target(on: LocalDay(iso: "2026-12-07")!), 8)
    }

    /// A dated target starts on a week start, in order, each day once; each entry is checked.
    func testDatedTargetsAreChecked() {
        XCTAssertEqual(errors(config(top: #""weekStart": "mon","#, action: #", "targets": [{"from": "2026-12-09", "target": 8}, {"from": "2026-12-14", "target": 0}, {"from": "2026-12-07"}]"#)), [
            #"actions[0].targets[0].from: "2026-12-09" is a Wednesday; a target changes at a week start (weekStart mon) (use "2026-12-14")"#,
            "actions[0].targets[1].target: 0 is out of range (use a whole number from 1 to 10000)",
            #"actions[0].targets[2].target: is missing (add "target": 8)"#,
        ])
        XCTAssertEqual(errors(config(action: #", "targets": [{"from": "2026-12-14", "target": 8}, {"from": "2026-12-07", "target": 6}]"#)), [
            #"actions[0].targets[1].from: "2026-12-07" is not after 2026-12-14 (list the dated targets oldest first, each day once)"#,
        ])
        // With weekStart sun, Sunday is the day.
        XCTAssertNotNil(plan(config(top: #""weekStart": "sun","#, action: #", "targets": [{"from": "2026-12-06", "target": 8}]"#)))
        XCTAssertEqual(errors(config(action: #", "target": [{"from": "2026-12-07", "target": 8}], "targets": []"#)).count, 1)
    }
}
