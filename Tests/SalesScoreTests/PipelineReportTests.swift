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

    /// Lead to lag: each touch counts at the step the person was at then; per client won.
    func testLeadToLagByHand() {
        let events = [
            event(.added, 1, 30, step: "connect", name: "A"), event(.touched, 1, 29), event(.touched, 1, 28),
            event(.moved, 1, 20, step: "invite"), event(.touched, 1, 19), event(.won, 1, 10),
            event(.added, 2, 30, step: "connect", name: "B"), event(.touched, 2, 25), event(.lost, 2, 5),
            // A touch older than 12 weeks is left out.
            event(.added, 3, 100, step: "connect", name: "C"), event(.touched, 3, 90),
        ]
        let lag = PipelineReport.leadToLag(plan: plan, book: PersonBook(events), today: today, weeks: 12)
        XCTAssertEqual(lag.map(\.touches), [3, 1, 0])
        XCTAssertEqual(lag.map(\.won), [1, 1, 1])
        XCTAssertEqual(lag.map(\.touchesPerClient), [3, 1, 0])
        XCTAssertEqual(PipelineReport.leadToLag(plan: plan, book: PersonBook(Array(events.prefix(5))), today: today, weeks: 12)
            .map(\.touchesPerClient), [nil, nil, nil], "nobody won: no ratio")
    }

    /// The report's pipeline section: a box per step with its counts, arrows with the
    /// conversion, and the lead-to-lag table; no names; left out without people.
    func testHTMLSection() {
        let events = [event(.added, 1, 9, step: "connect", name: "Dana Kim"), event(.added, 2, 4, step: "connect", name: "Sam"),
                      event(.moved, 2, 2, step: "invite")]
        let pipeline = PipelineReport.compute(plan: plan, book: PersonBook(events), today: today, weeks: 4)
        let board = Scoreboard.compute(versions: [PlanVersion(effectiveFrom: LocalDay(daysSinceEpoch: 0), plan: plan)],
                                       events: [], today: today, now: LocalTime("12:00")!, weeks: 1, weekStart: .mon)
        let html = ScoreboardHTML.render(board, plan: plan, today: today, pipeline: pipeline)
        XCTAssertTrue(html.contains("<svg id=\"chart-pipeline\""), html)
        XCTAssertTrue(html.contains("data-step=\"connect\" data-count=\"1\" data-due=\"0\" data-overdue=\"1\""), html)
        XCTAssertTrue(html.contains("data-step=\"connect\" data-entered=\"2\" data-advanced=\"1\""), html)
        XCTAssertTrue(html.contains("<table id=\"lead-to-lag\">"), html)
        XCTAssertFalse(html.contains("Dana") || html.contains("Sam"), "the report names nobody")
        let empty = PipelineReport.compute(plan: plan, book: PersonBook([]), today: today, weeks: 4)
        XCTAssertFalse(ScoreboardHTML.render(board, plan: plan, today: today, pipeline: empty).contains("chart-pipeline"))
    }
}
