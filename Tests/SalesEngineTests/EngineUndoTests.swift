import Foundation
import SalesEngine
import SalesPlan
import XCTest

final class EngineUndoTests: XCTestCase {
    private let now = instant("2026-11-27T09:05:00Z")
    private let friday = LocalDay(iso: "2026-11-27")!

    /// Undo takes back a skip: the action is open again and its reminders come back.
    func testUndoOfASkipReopensTheAction() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        try sim.command(.skip(action: "requests", reason: nil), at: now)
        XCTAssertEqual(sim.engine.states(on: friday, now: now).first { $0.action.id == "requests" }?.state, .skipped)
        try sim.command(.undo(action: nil), at: now)
        XCTAssertEqual(sim.engine.states(on: friday, now: now).first { $0.action.id == "requests" }?.state, .open)
        XCTAssertEqual(sim.ledger.last?.ref, 1)
        XCTAssertEqual(sim.engine.nextReminder(after: now)?.action, "requests")
    }

    /// Undo of a day off brings the day's plan back; undo of a result leaves actions alone.
    func testUndoOfADayOffAndOfAResult() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        try sim.command(.dayOff(day: nil, reason: "ill"), at: now)
        try sim.command(.result(kind: "revenue", value: 1200, note: nil), at: now)
        XCTAssertTrue(sim.engine.isOff(friday))
        try sim.command(.undo(action: nil), at: now)
        XCTAssertEqual(sim.engine.cancelledEvent(by: sim.ledger.last!)?.kind, .result)
        XCTAssertTrue(sim.engine.isOff(friday), "the result went first, the day off stays")
        try sim.command(.undo(action: nil, day: "today"), at: now)
        XCTAssertFalse(sim.engine.isOff(friday))
        XCTAssertEqual(sim.announced.last?.message, "Undone: day off on 2026-11-27")
    }

    /// With an action, undo looks only at that action's events; with a day, only that day's.
    func testUndoFiltersByActionAndDay() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        try sim.command(.done(action: "requests", count: 2, note: nil, day: "yesterday"), at: now)
        try sim.command(.done(action: "call", count: 1, note: nil, day: nil), at: now)
        try sim.command(.undo(action: "requests"), at: now)
        XCTAssertEqual(sim.ledger.last?.ref, 1)
        XCTAssertThrowsError(try sim.engine.prepare(.undo(action: nil, day: "yesterday"), now: now, source: "t")) {
            XCTAssertEqual($0 as? CommandError, .nothingToUndo(action: nil, day: LocalDay(iso: "2026-11-26")))
        }
    }

    /// The engine rebuilt from the ledger (a restart) knows what was undone.
    func testUndoSurvivesARestart() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        try sim.command(.skip(action: "call", reason: nil), at: now)
        try sim.command(.undo(action: "call"), at: now)
        let restarted = Simulator(plan: fixturePlan(), start: now, events: sim.ledger)
        XCTAssertEqual(restarted.engine.states(on: friday, now: now).first { $0.action.id == "call" }?.state, .open)
        XCTAssertEqual(restarted.engine.cancelledEvent(by: sim.ledger.last!)?.kind, .skip)
    }

    /// A second skip, a second day off and an off on a config day off repeat what is in force.
    func testRepeatsOfWhatIsInForce() throws {
        var plan = fixturePlan()
        plan.daysOff = [LocalDay(iso: "2026-12-24")!]
        var sim = Simulator(plan: plan, start: instant("2026-11-27T09:00:00Z"))
        XCTAssertFalse(try sim.engine.repeatsWhatIsInForce(.skip(action: "call", reason: nil), now: now))
        try sim.command(.skip(action: "call", reason: nil), at: now)
        XCTAssertTrue(try sim.engine.repeatsWhatIsInForce(.skip(action: "call", reason: nil), now: now))
        XCTAssertFalse(try sim.engine.repeatsWhatIsInForce(.dayOff(day: nil, reason: nil), now: now))
        try sim.command(.dayOff(day: "tomorrow", reason: nil), at: now)
        XCTAssertTrue(try sim.engine.repeatsWhatIsInForce(.dayOff(day: "2026-11-28", reason: nil), now: now))
        XCTAssertTrue(try sim.engine.repeatsWhatIsInForce(.dayOff(day: "2026-12-24", reason: nil), now: now))
        XCTAssertFalse(try sim.engine.repeatsWhatIsInForce(.skip(action: "nope", reason: nil), now: now))
    }

    /// A step id given as an action lists the step's actions; an unknown result kind names the closest.
    func testStepsAndResultKindsAreExplained() {
        let sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        XCTAssertThrowsError(try sim.engine.prepare(.done(action: "connect", count: 1, note: nil, day: nil), now: now, source: "t")) {
            XCTAssertEqual($0 as? CommandError, .stepIsNotAnAction(step: "connect", actions: ["requests"]))
        }
        XCTAssertThrowsError(try sim.engine.prepare(.result(kind: "clinet", value: nil, note: nil), now: now, source: "t")) {
            XCTAssertEqual($0 as? CommandError, .noSuchResultKind(
                "clinet", known: ["client", "proposal", "conversation-booked", "revenue"], closest: "client"))
        }
        XCTAssertNoThrow(try sim.engine.prepare(.result(kind: "revenue", value: -500, note: nil), now: now, source: "t"))
    }
}
