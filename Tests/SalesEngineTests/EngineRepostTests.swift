import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule
import XCTest

final class EngineRepostTests: XCTestCase {
    private let zone = ZoneCalendar(timeZone: TimeZone(identifier: "Europe/London")!)

    /// An engine restarted from the ledger a running one wrote, as the daemon's next start does.
    private func restarted(_ sim: Simulator, at now: Date) -> Engine {
        Engine.restore(plan: fixturePlan(), calendar: zone, now: now, planInForceSince: instant("2026-11-20T00:00:00Z"),
                       events: sim.ledger)
    }

    /// After a restart, today's fired and still-open reminder is posted again with today's
    /// progress and its buttons; an action not reminded yet is not.
    func testOpenReminderOfTodayIsPostedAgainWithProgress() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        sim.advance(to: instant("2026-11-27T10:40:00Z"))
        try sim.command(.done(action: "requests", count: 2, note: nil, day: nil), at: instant("2026-11-27T10:45:00Z"))

        let reposts = restarted(sim, at: instant("2026-11-27T10:50:00Z")).reposts(now: instant("2026-11-27T10:50:00Z"))
        XCTAssertEqual(reposts.map(\.announcement.action), ["requests"])
        XCTAssertEqual(reposts.first?.announcement.body, "Connect · 2 of 5 today")
        XCTAssertEqual(reposts.first?.announcement.late, false)
        XCTAssertEqual(reposts.first?.buttons, [.done, .snooze, .skip])
    }

    /// Done to target, skipped, snoozed past now, a day off, or yesterday's: nothing posted again.
    func testClosedRemindersAreNotPostedAgain() throws {
        let closings: [(name: String, command: Command)] = [
            ("done to target", .done(action: "requests", count: 5, note: nil, day: nil)),
            ("skipped", .skip(action: "requests", reason: nil)),
            ("snoozed past now", .snooze(action: "requests", duration: PlanDuration("15m"))),
            ("a day off", .dayOff(day: "2026-11-27", reason: nil)),
        ]
        for closing in closings {
            var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
            sim.advance(to: instant("2026-11-27T09:31:00Z"))
            try sim.command(closing.command, at: instant("2026-11-27T09:40:00Z"))
            let later = instant("2026-11-27T09:45:00Z")
            XCTAssertTrue(restarted(sim, at: later).reposts(now: later).isEmpty, closing.name)
        }

        var yesterday = Simulator(plan: fixturePlan(), start: instant("2026-11-26T09:00:00Z"))
        yesterday.advance(to: instant("2026-11-26T09:31:00Z"))
        let nextMorning = instant("2026-11-27T07:00:00Z")
        XCTAssertTrue(restarted(yesterday, at: nextMorning).reposts(now: nextMorning).isEmpty)
    }

    /// Posting again changes nothing the engine owes: the restarted engine's catch-up fires no
    /// reminder that already fired.
    func testRepostIsNotAFiring() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        sim.advance(to: instant("2026-11-27T09:31:00Z"))
        let now = instant("2026-11-27T09:40:00Z")
        var engine = restarted(sim, at: now)
        XCTAssertEqual(engine.reposts(now: now).count, 1)
        let fired = engine.wake(now: now).compactMap { effect -> String? in
            if case .fire(let event, _, _) = effect { event.action } else { nil }
        }
        XCTAssertFalse(fired.contains("requests"), "fired again: \(fired)")
    }
}
