import Foundation
import SalesContract
import SalesPlan
@testable import SalesScore
import XCTest

final class PipelineReportTests: XCTestCase {
    private let today = LocalDay(iso: "2026-12-01")!
    private var id: Int64 = 0
    private let plan = Plan(steps: [Step(id: "connect", name: "Connect", followUp: FollowUp(ideal: 3, max: 7)),
                                    Step(id: "invite", name: "Invite"), Step(id: "converse", name: "Converse")],
                            actions: [])

    private func event(_ kind: PersonEvent.Kind, _ person: Int64, _ daysAgo: Int, step: String? = nil, name: String? = nil) -> PersonEvent {
        id += 1
        let day = today.adding(days: -daysAgo)
        return PersonEvent(id: id, kind: kind, at: Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 43_200),
                           day: day, person: person, step: step, texts: PersonTexts(name: name))
    }

    /// Conversion and median days by hand: four people enter Connect in the window, two reach
    /// Invite (one skipping to Converse counts), one of those is won from Converse.
    func testConversionByHand() {
        let events = [
            event(.added, 1, 20, step: "connect", name: "A"), event(.moved, 1, 16, step: "invite"),
            event(.added, 2, 10, step: "connect", name: "B"), event(.moved, 2, 4, step: "converse"), event(.won, 2, 1),
            event(.added, 3, 9, step: "connect", name: "C"), event(.lost, 3, 2),
            event(.added, 4, 2, step: "connect", name: "D"),
            // Entered before the 4-week window: not counted.
            event(.added, 5, 40, step: "connect", name: "E"), event(.moved, 5, 35, step: "invite"),
        ]
        let reply = PipelineReport.compute(plan: plan, book: PersonBook(events), today: today, weeks: 4)
        let connect = reply.steps[0], invite = reply.steps[1], converse = reply.steps[2]
        XCTAssertEqual([connect.entered, connect.advanced], [4, 2])
        XCTAssertEqual(connect.conversion, 0.5)
        // Stays: A 4 days, B 6, C 7 (until lost), D 2 so far → median (4 + 6) / 2.
        XCTAssertEqual(connect.medianDays, 5)
        XCTAssertEqual([invite.entered, invite.advanced], [1, 0])
        XCTAssertEqual(invite.medianDays, 16)
        XCTAssertEqual([converse.entered, converse.advanced], [1, 1])
        XCTAssertEqual(converse.conversion, 1)
        XCTAssertEqual(converse.medianDays, 3)
        XCTAssertEqual([reply.won, reply.lost], [1, 1])
        XCTAssertEqual(reply.from, "2026-11-04")
        // Who is where now: D at Connect; A and E at Invite; B won, C lost.
        XCTAssertEqual(reply.steps.map(\.count), [1, 2, 0])
        XCTAssertEqual(connect.people.map(\.name), ["D"])
    }

    /// Nobody entered: no conversion and no median rather than a made-up 0.
    func testEmpty() {
        let reply = PipelineReport.compute(plan: plan, book: PersonBook([]), today: today, weeks: 1)
        XCTAssertEqual(reply.steps.map(\.conversion), [nil, nil, nil])
        XCTAssertEqual(reply.steps.map(\.medianDays), [nil, nil, nil])
    }

    /// The text puts the steps side by side within the width and marks overdue and due people.
    func testText() {
        let events = [event(.added, 1, 9, step: "connect", name: "Dana Kim"), event(.added, 2, 4, step: "connect", name: "Sam"),
                      event(.added, 3, 0, step: "invite", name: "Alex")]
        let text = PipelineText.render(PipelineReport.compute(plan: plan, book: PersonBook(events), today: today, weeks: 4),
                                       width: 72)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 72 }, text)
        XCTAssertTrue(text.contains("Connect (2)"), text)
        XCTAssertTrue(lines.contains { $0.contains("Connect (2)") && $0.contains("Invite (1)") && $0.contains("Converse (0)") }, text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("! Dana Kim") && $0.contains("9d") }, text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("• Sam") }, text)
        // Narrow: one step per block.
        let narrow = PipelineText.render(PipelineReport.compute(plan: plan, book: PersonBook(events), today: today, weeks: 4),
                                         width: 20)
        XCTAssertFalse(narrow.split(separator: "\n").contains { $0.contains("Connect") && $0.contains("Invite") }, narrow)
    }
}
