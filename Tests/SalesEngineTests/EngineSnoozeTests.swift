import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule
import XCTest

/// Snooze postpones; it never advances.
final class EngineSnoozeTests: XCTestCase {
    private let friday = LocalDay(iso: "2026-11-27")!

    private func reminders(_ sim: Simulator, _ action: String) -> [String] {
        sim.fired.filter { $0.action == action }.map(\.slot!)
    }

    /// At 08:29 a 1-minute snooze of an action planned for 10:29 is refused and records nothing; 10:29 fires as planned.
    func testSnoozeBeforeAnythingIsDueIsRefused() throws {
        var plan = fixturePlan()
        plan.actions.append(PlanAction(id: "later", step: "connect", title: "Later", at: [LocalTime("10:29")!]))
        var sim = Simulator(plan: plan, start: instant("2026-11-27T08:00:00Z"))
        sim.advance(to: instant("2026-11-27T08:29:00Z"))
        XCTAssertThrowsError(try sim.command(.snooze(action: "later", duration: PlanDuration("1m")),
                                             at: instant("2026-11-27T08:29:00Z"))) {
            XCTAssertEqual($0 as? CommandError, .nothingToSnooze(action: "later", until: LocalTime("08:30")!))
            XCTAssertTrue("\($0)".contains("nothing due before 08:30"), "\($0)")
        }
        XCTAssertFalse(sim.ledger.contains { $0.kind == .snooze })
        let state = sim.engine.states(on: friday, now: instant("2026-11-27T08:29:30Z")).first { $0.action.id == "later" }
        XCTAssertEqual(state?.next, instant("2026-11-27T10:29:00Z"), "today keeps the planned time")
        sim.advance(to: instant("2026-11-27T12:00:00Z"))
        XCTAssertEqual(reminders(sim, "later"), ["10:29"])
        XCTAssertEqual(sim.fired.filter { $0.action == "later" }.map(\.scheduled), [instant("2026-11-27T10:29:00Z")])
    }

    /// After a reminder, the reminders inside the snooze are dropped, one fires at its end, the later ones as planned.
    func testSnoozeAfterAReminderFiresOnceAtItsEnd() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        sim.advance(to: instant("2026-11-27T10:20:00Z"))
        try sim.command(.snooze(action: "requests", duration: PlanDuration("20m")), at: instant("2026-11-27T10:20:00Z"))
        XCTAssertEqual(sim.engine.states(on: friday, now: instant("2026-11-27T10:21:00Z")).first?.next,
                       instant("2026-11-27T10:40:00Z"))
        sim.advance(to: instant("2026-11-27T12:00:00Z"))
        XCTAssertEqual(reminders(sim, "requests"), ["09:30", "snooze@10:40:00", "11:30"])
        XCTAssertEqual(sim.missed, [])
    }

    /// Not yet reminded, but a reminder falls inside the snooze: it is postponed to the end, never brought forward.
    func testSnoozeOverAPlannedReminderPostponesIt() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        try sim.command(.snooze(action: "requests", duration: PlanDuration("45m")), at: instant("2026-11-27T09:00:00Z"))
        let next = sim.engine.states(on: friday, now: instant("2026-11-27T09:01:00Z")).first { $0.action.id == "requests" }?.next
        XCTAssertEqual(next, instant("2026-11-27T09:45:00Z"))
        sim.advance(to: instant("2026-11-27T12:00:00Z"))
        XCTAssertEqual(reminders(sim, "requests"), ["snooze@09:45:00", "10:30", "11:30"])
    }

    /// A planned reminder exactly at the snooze's end is one reminder, not two, and nothing is missed.
    func testPlannedTimeAtTheEndIsOneReminder() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        sim.advance(to: instant("2026-11-27T09:31:00Z"))
        try sim.command(.snooze(action: "requests", duration: PlanDuration("59m")), at: instant("2026-11-27T09:31:00Z"))
        sim.advance(to: instant("2026-11-27T12:00:00Z"))
        XCTAssertEqual(reminders(sim, "requests"), ["09:30", "snooze@10:30:00", "11:30"])
        XCTAssertEqual(sim.missed, [])
    }

    /// A done action has nothing to snooze; a snooze whose action gets done meanwhile fires nothing at its end.
    func testDoneActionsHaveNothingToSnooze() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        sim.advance(to: instant("2026-11-27T09:31:00Z"))
        try sim.command(.snooze(action: "requests", duration: PlanDuration("10m")), at: instant("2026-11-27T09:31:00Z"))
        try sim.command(.done(action: "requests", count: 5, note: nil, day: nil), at: instant("2026-11-27T09:35:00Z"))
        sim.advance(to: instant("2026-11-27T12:00:00Z"))
        XCTAssertEqual(reminders(sim, "requests"), ["09:30"])
        XCTAssertThrowsError(try sim.command(.snooze(action: "requests", duration: nil), at: instant("2026-11-27T12:00:00Z")))
    }

    /// A restart over the same ledger keeps the decision: the owed end fires, a refused snooze left nothing.
    func testRestartKeepsTheSnooze() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        sim.advance(to: instant("2026-11-27T09:31:00Z"))
        try sim.command(.snooze(action: "requests", duration: PlanDuration("15m")), at: instant("2026-11-27T09:31:00Z"))
        var restarted = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:32:00Z"), events: sim.ledger)
        restarted.advance(to: instant("2026-11-27T10:00:00Z"))
        XCTAssertEqual(reminders(restarted, "requests"), ["09:30", "snooze@09:46:00"])
    }

    /// A second, shorter snooze that would bring the postponed reminder forward is refused; a longer one moves it on.
    func testResnoozeNeverAdvances() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        try sim.command(.snooze(action: "requests", duration: PlanDuration("1h")), at: instant("2026-11-27T09:00:00Z"))
        XCTAssertThrowsError(try sim.command(.snooze(action: "requests", duration: PlanDuration("10m")),
                                             at: instant("2026-11-27T09:40:00Z")))
        try sim.command(.snooze(action: "requests", duration: PlanDuration("30m")), at: instant("2026-11-27T09:40:00Z"))
        sim.advance(to: instant("2026-11-27T12:00:00Z"))
        XCTAssertEqual(reminders(sim, "requests"), ["snooze@10:10:00", "10:30", "11:30"])
    }
}
