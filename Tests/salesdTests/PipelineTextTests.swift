import Foundation
import SalesContract
import SalesPlan
import SalesScore
@testable import salesd
import XCTest

/// `salesd ctl pipeline`'s screen, from a reply the daemon's own report computes.
final class PipelineTextTests: XCTestCase {
    /// Dana added 9 days ago (overdue: Connect wants a touch within 7), Sam 4 days ago (due
    /// after 3), Alex today at Invite.
    private func reply() -> PipelineCall.Reply {
        let today = LocalDay(iso: "2026-12-01")!
        let plan = Plan(steps: [Step(id: "connect", name: "Connect", followUp: FollowUp(ideal: 3, max: 7)),
                                Step(id: "invite", name: "Invite"), Step(id: "converse", name: "Converse")],
                        actions: [])
        let people: [(person: Int64, daysAgo: Int, step: String, name: String)] =
            [(1, 9, "connect", "Dana Kim"), (2, 4, "connect", "Sam"), (3, 0, "invite", "Alex")]
        let added = people.map { person, daysAgo, step, name in
            let day = today.adding(days: -daysAgo)
            return PersonEvent(id: person, kind: .added, at: Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 43_200),
                               day: day, person: person, step: step, texts: PersonTexts(name: name))
        }
        return PipelineReport.compute(plan: plan, book: PersonBook(added), today: today, weeks: 4)
    }

    /// The steps side by side within the width, overdue and due people marked.
    func testTheStepsStandSideBySideWithinTheWidth() {
        let text = PipelineText.render(reply(), width: 72)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 72 }, text)
        XCTAssertTrue(lines.contains { $0.contains("Connect (2)") && $0.contains("Invite (1)") && $0.contains("Converse (0)") }, text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("! Dana Kim") && $0.contains("9d") }, text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("• Sam") }, text)
    }

    /// Too narrow for two columns: one step per block.
    func testANarrowTerminalGetsOneStepPerBlock() {
        let narrow = PipelineText.render(reply(), width: 20)
        XCTAssertFalse(narrow.split(separator: "\n").contains { $0.contains("Connect") && $0.contains("Invite") }, narrow)
        XCTAssertTrue(narrow.contains("Connect (2)") && narrow.contains("Invite (1)"), narrow)
    }
}
