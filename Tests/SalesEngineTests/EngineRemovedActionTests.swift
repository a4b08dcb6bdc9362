import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule
import XCTest

final class EngineRemovedActionTests: XCTestCase {
    /// A snooze of an action a reload removed ends quietly instead of crashing the daemon.
    func testASnoozeOfARemovedActionEndsQuietly() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        try sim.command(.snooze(action: "call", duration: PlanDuration("5m")), at: instant("2026-11-27T09:01:00Z"))
        var plan = fixturePlan()
        plan.actions.removeAll { $0.id == "call" }
        _ = sim.engine.replacePlan(plan, calendar: ZoneCalendar(timeZone: TimeZone(identifier: "Europe/London")!),
                                   now: instant("2026-11-27T09:02:00Z"))
        sim.advance(to: instant("2026-11-27T09:10:00Z"))
        XCTAssertFalse(sim.fired.contains { $0.action == "call" })
    }
}
