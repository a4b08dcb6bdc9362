import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule
import XCTest

final class EngineRenameTests: XCTestCase {
    private let friday = LocalDay(iso: "2026-11-27")!

    private func renamedPlan() -> Plan {
        var plan = fixturePlan()
        plan.actions[0].id = "connection-requests"
        plan.actions[0].formerly = ["requests"]
        return plan
    }

    /// A reload that renames an action keeps today's count and its fired reminders under the new id.
    func testAReloadWithARenameKeepsTodaysHistory() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        sim.advance(to: instant("2026-11-27T09:31:00Z"))
        try sim.command(.done(action: "requests", count: 2, note: nil, day: nil), at: instant("2026-11-27T09:32:00Z"))
        let plan = renamedPlan()
        _ = sim.engine.replacePlan(plan, calendar: ZoneCalendar(timeZone: TimeZone(identifier: "Europe/London")!),
                                   now: instant("2026-11-27T09:33:00Z"))
        XCTAssertEqual(sim.engine.doneCount("connection-requests", on: friday), 2)
        let state = sim.engine.states(on: friday, now: instant("2026-11-27T09:33:00Z")).first { $0.action.id == "connection-requests" }
        XCTAssertEqual(state?.done, 2)
        XCTAssertEqual(sim.engine.nextReminder(after: instant("2026-11-27T09:33:00Z"))?.slot, "10:30",
                       "the 09:30 reminder fired under the old id is not owed again")
    }

    /// An engine started over a ledger with the old id counts it under the new one.
    func testStartingOverTheOldIdsCountsThemUnderTheNewOne() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        try sim.command(.done(action: "requests", count: 3, note: nil, day: nil), at: instant("2026-11-27T09:05:00Z"))
        let restarted = Simulator(plan: renamedPlan(), start: instant("2026-11-27T09:06:00Z"), events: sim.ledger)
        XCTAssertEqual(restarted.engine.doneCount("connection-requests", on: friday), 3)
    }
}
