import Foundation
import SalesEngine
import SalesPlan
import XCTest

final class EngineDatedTargetTests: XCTestCase {
    /// Reminders and the day's state use the target in force that day: 5 on Friday, 8 from Monday.
    func testRemindersUseTheTargetInForceThatDay() throws {
        var plan = fixturePlan()
        plan.actions[0].targets = [DatedTarget(from: LocalDay(iso: "2026-11-30")!, target: 8)]
        var friday = Simulator(plan: plan, start: instant("2026-11-27T09:00:00Z"))
        friday.advance(to: instant("2026-11-27T09:30:00Z"))
        XCTAssertEqual(friday.announced.last?.target, 5)
        var monday = Simulator(plan: plan, start: instant("2026-11-30T09:00:00Z"))
        monday.advance(to: instant("2026-11-30T09:30:00Z"))
        XCTAssertEqual(monday.announced.last?.target, 8)
        XCTAssertTrue(monday.announced.last?.message.contains("0 of 8 today") == true, monday.announced.last?.message ?? "")
        // Five done on Monday is not done any more: it re-reminds at 10:30.
        try monday.command(.done(action: "requests", count: 5, note: nil, day: nil), at: instant("2026-11-30T09:31:00Z"))
        XCTAssertEqual(monday.engine.states(on: LocalDay(iso: "2026-11-30")!, now: instant("2026-11-30T09:32:00Z"))
            .first { $0.action.id == "requests" }?.state, .open)
        monday.advance(to: instant("2026-11-30T10:30:00Z"))
        XCTAssertEqual(monday.fired.last?.slot, "10:30")
    }
}
