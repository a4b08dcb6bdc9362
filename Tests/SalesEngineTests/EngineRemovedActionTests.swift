import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule
import XCTest

final class EngineRemovedActionTests: XCTestCase {
    /// A snooze of an action a reload removed ends quietly instead of crashing the daemon.
    func testASnoozeOfARemovedActionEndsQuietly() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        // 09:30's reminder falls inside the snooze, so its end owes one.
        try sim.command(.snooze(action: "requests", duration: PlanDuration("10m")), at: instant("2026-11-27T09:25:00Z"))
        var plan = fixturePlan()
        plan.actions.removeAll { $0.id == "requests" }
        _ = sim.engine.replacePlan(plan, calendar: ZoneCalendar(timeZone: TimeZone(identifier: "Europe/London")!),
                                   now: instant("2026-11-27T09:26:00Z"))
        sim.advance(to: instant("2026-11-27T09:40:00Z"))
        XCTAssertFalse(sim.fired.contains { $0.action == "requests" })
    }
}
