import Foundation
import SalesEngine
import SalesPlan
import XCTest

final class EngineCommandTests: XCTestCase {
    /// Done and undo move today's count, and undo names what it cancelled.
    func testDoneThenUndo() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        let now = instant("2026-11-27T09:05:00Z")
        try sim.command(.done(action: "requests", count: 2, note: nil, day: nil), at: now)
        try sim.command(.done(action: "requests", count: 1, note: nil, day: nil), at: now)
        XCTAssertEqual(sim.engine.doneCount("requests", on: LocalDay(iso: "2026-11-27")!), 3)
        try sim.command(.undo(action: nil), at: now)
        XCTAssertEqual(sim.engine.doneCount("requests", on: LocalDay(iso: "2026-11-27")!), 2)
        XCTAssertEqual(sim.ledger.last?.ref, 2)
    }

    /// An unknown action is refused with the closest known one as a hint.
    func testUnknownActionSuggests() {
        let sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        XCTAssertThrowsError(try sim.engine.prepare(.done(action: "request", count: 1, note: nil, day: nil),
                                                    now: instant("2026-11-27T09:00:00Z"), source: "test")) {
            XCTAssertEqual($0 as? CommandError, .noSuchAction("request", known: ["requests", "call"]))
            XCTAssertTrue("\($0)".contains("did you mean \"requests\""))
        }
    }

    /// `--day yesterday` backfills; beyond the window or in the future is refused.
    func testBackfillWindow() throws {
        let sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        let now = instant("2026-11-27T09:00:00Z")
        let event = try sim.engine.prepare(.done(action: "call", count: 1, note: nil, day: "yesterday"), now: now, source: "t")
        XCTAssertEqual(event.day, LocalDay(iso: "2026-11-26"))
        XCTAssertThrowsError(try sim.engine.prepare(.done(action: "call", count: 1, note: nil, day: "2026-11-01"),
                                                    now: now, source: "t"))
        XCTAssertThrowsError(try sim.engine.prepare(.done(action: "call", count: 1, note: nil, day: "2026-11-28"),
                                                    now: now, source: "t"))
    }

    /// Nothing to undo is a clear refusal.
    func testNothingToUndo() {
        let sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        XCTAssertThrowsError(try sim.engine.prepare(.undo(action: nil), now: instant("2026-11-27T09:00:00Z"), source: "t")) {
            XCTAssertEqual($0 as? CommandError, .nothingToUndo(action: nil))
        }
    }

    /// Today lists open actions first, by time; `next` is the first open one.
    func testTodayOrderAndNext() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        let now = instant("2026-11-27T09:00:00Z")
        XCTAssertEqual(sim.engine.states(on: LocalDay(iso: "2026-11-27")!, now: now).map(\.action.id), ["requests", "call"])
        try sim.command(.done(action: "requests", count: 5, note: nil, day: nil), at: now)
        let states = sim.engine.states(on: LocalDay(iso: "2026-11-27")!, now: now)
        XCTAssertEqual(states.map(\.action.id), ["call", "requests"])
        XCTAssertEqual(states.map(\.state), [.open, .done])
        XCTAssertEqual(sim.engine.next(now: now)?.action.id, "call")
    }
}

final class EngineRankingTests: XCTestCase {
    /// Two actions due at the same time: the one whose step is further behind this week comes first.
    func testTiesGoToTheStepFurthestBehind() throws {
        var plan = fixturePlan()
        plan.actions = [
            PlanAction(id: "a", step: "connect", title: "A", target: 2, days: [.daily], at: [LocalTime("15:00")!]),
            PlanAction(id: "b", step: "converse", title: "B", target: 2, days: [.daily], at: [LocalTime("15:00")!]),
        ]
        // Monday to Wednesday: connect done every day, converse never.
        var sim = Simulator(plan: plan, start: instant("2026-11-23T08:00:00Z"))
        for day in ["2026-11-23", "2026-11-24"] {
            try sim.command(.done(action: "a", count: 2, note: nil, day: day), at: instant("2026-11-25T08:00:00Z"))
        }
        let today = sim.engine.states(on: LocalDay(iso: "2026-11-25")!, now: instant("2026-11-25T09:00:00Z"))
        XCTAssertEqual(today.map(\.action.id), ["b", "a"], "converse is 4 behind, connect on pace")
    }
}
