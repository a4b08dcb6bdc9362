import Foundation
import SalesEngine
import SalesPlan
import XCTest

final class EngineMorningPromptTests: XCTestCase {
    /// A daemon started after the morning prompt, with the day's plan still ahead, shows the prompt once, late.
    func testALateStartShowsTheMorningPromptLate() {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T08:00:00Z"))
        sim.jump(to: instant("2026-11-27T08:51:00Z"))  // 21 minutes after 08:30, beyond the 10-minute grace
        XCTAssertEqual(sim.fired.map(\.action), ["@morning"])
        XCTAssertEqual(sim.fired.first?.latenessMs, 21 * 60_000)
        XCTAssertEqual(sim.announced.first?.late, true)
        XCTAssertTrue(sim.announced.first?.message.contains("(late by 21m)") == true)
        XCTAssertFalse(sim.missed.contains { $0.action == "@morning" })
        sim.jump(to: instant("2026-11-27T08:52:00Z"))
        XCTAssertEqual(sim.fired.filter { $0.action == "@morning" }.count, 1, "once")
    }

    /// Once the day's last reminder has passed, a late morning prompt is only recorded missed.
    func testAfterTheDaysLastReminderItIsRecordedMissed() {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T08:00:00Z"))
        sim.jump(to: instant("2026-11-27T15:00:00Z"))
        XCTAssertFalse(sim.fired.contains { $0.action == "@morning" })
        XCTAssertTrue(sim.missed.contains { $0.action == "@morning" })
    }

    /// The prompt lists the day in time order with done and skipped marks, and ends with the command to record the next.
    func testThePromptListsTheDayInTimeOrderWithMarks() throws {
        var plan = fixturePlan()
        plan.actions.append(PlanAction(id: "post", step: "connect", title: "Share a post", days: [.weekdays],
                                       at: [LocalTime("09:00")!]))
        var sim = Simulator(plan: plan, start: instant("2026-11-27T08:00:00Z"))
        try sim.command(.done(action: "post", count: 1, note: nil, day: nil), at: instant("2026-11-27T08:10:00Z"))
        try sim.command(.skip(action: "call", reason: nil), at: instant("2026-11-27T08:11:00Z"))
        sim.advance(to: instant("2026-11-27T08:30:00Z"))
        let body = try XCTUnwrap(sim.announced.last { $0.kind == .morning }?.body)
        XCTAssertTrue(body.hasSuffix("""
            Today:
            ✓ 09:00 Share a post 1/1
              09:30 Send 5 connection requests 0/5
            – 14:00 Hold a sales call 0/1

            then: salesd ctl done requests
            """), body)
    }
}
