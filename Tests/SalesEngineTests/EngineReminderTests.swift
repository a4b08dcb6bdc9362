import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule
import SalesScore
import XCTest

final class EngineReminderTests: XCTestCase {
    /// A weekday fires the prompt, the reminder and its re-reminders on time, each once.
    func testADayOfReminders() {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T00:00:00Z"))
        sim.advance(to: instant("2026-11-27T23:59:00Z"))
        XCTAssertEqual(sim.fired.map { "\($0.action!) \($0.slot!)" },
                       ["@morning 08:30", "requests 09:30", "requests 10:30", "requests 11:30", "call 14:00"])
        XCTAssertTrue(sim.fired.allSatisfy { $0.latenessMs == 0 })
        XCTAssertEqual(sim.missed, [])
    }

    /// Reaching the target stops the re-reminders.
    func testDoneStopsRepeats() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        sim.advance(to: instant("2026-11-27T09:40:00Z"))
        try sim.command(.done(action: "requests", count: 5, note: nil, day: nil), at: instant("2026-11-27T09:41:00Z"))
        sim.advance(to: instant("2026-11-27T12:00:00Z"))
        XCTAssertEqual(sim.fired.filter { $0.action == "requests" }.map(\.slot), ["09:30"])
    }

    /// A snooze postpones the re-reminders and fires once when it ends.
    func testSnoozePostpones() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        sim.advance(to: instant("2026-11-27T09:31:00Z"))
        try sim.command(.snooze(action: "requests", duration: PlanDuration("1h15m")), at: instant("2026-11-27T09:31:00Z"))
        sim.advance(to: instant("2026-11-27T12:00:00Z"))
        XCTAssertEqual(sim.fired.filter { $0.action == "requests" }.map(\.slot),
                       ["09:30", "snooze@10:46:00", "11:30"])
    }

    /// A skipped action and a day off fire nothing more that day.
    func testSkipAndDayOff() throws {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        try sim.command(.skip(action: "requests", reason: "travel"), at: instant("2026-11-27T09:00:00Z"))
        try sim.command(.dayOff(day: "2026-11-30", reason: nil), at: instant("2026-11-27T09:00:00Z"))
        sim.advance(to: instant("2026-11-30T23:00:00Z"))
        XCTAssertFalse(sim.fired.contains { $0.action == "requests" && $0.day == LocalDay(iso: "2026-11-27") })
        XCTAssertFalse(sim.fired.contains { $0.day == LocalDay(iso: "2026-11-30") })
        XCTAssertTrue(sim.fired.contains { $0.action == "call" && $0.day == LocalDay(iso: "2026-11-27") })
    }

    /// Within the grace window a late reminder still fires, marked late.
    func testLateWithinGraceFires() {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        sim.jump(to: instant("2026-11-27T09:35:00Z"))
        XCTAssertEqual(sim.fired.map(\.slot), ["09:30"])
        XCTAssertEqual(sim.fired.first?.latenessMs, 300_000)
        XCTAssertEqual(sim.announced.first?.late, true)
    }

    /// Beyond the grace window today's undone reminders are gathered into one "missed"
    /// announcement, and earlier days are only recorded. The 10:30 repeat of `requests` gets no
    /// record of its own: 11:30, the latest, stands for it.
    func testMissedBeyondGraceGathered() {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-26T12:00:00Z"))
        sim.jump(to: instant("2026-11-27T15:00:00Z"))
        XCTAssertEqual(sim.fired, [])
        let missedToday = sim.missed.filter { $0.day == LocalDay(iso: "2026-11-27") }
        XCTAssertEqual(Set(missedToday.map { "\($0.action!) \($0.slot!)" }),
                       ["@morning 08:30", "requests 09:30", "requests 11:30", "call 14:00"])
        XCTAssertTrue(sim.missed.contains { $0.day == LocalDay(iso: "2026-11-26") && $0.action == "call" })
        let gathered = sim.announced.filter { $0.kind == .missed }
        XCTAssertEqual(gathered.count, 1)
        XCTAssertEqual(gathered.first?.count, 2, "one line per action: requests and call")
    }

    /// A restart (a new engine over the same ledger) never fires a reminder twice.
    func testRestartDoesNotRefire() {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        sim.advance(to: instant("2026-11-27T09:31:00Z"))
        var restarted = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"), events: sim.ledger)
        restarted.jump(to: instant("2026-11-27T09:32:00Z"))
        XCTAssertEqual(restarted.fired.count, 1, "only the first run's 09:30")
        restarted.advance(to: instant("2026-11-27T10:31:00Z"))
        XCTAssertEqual(restarted.fired.map(\.slot), ["09:30", "10:30"])
    }

    /// A clock that goes back an hour does not fire the hour's reminders again.
    func testBackwardJumpDoesNotRefire() {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        sim.advance(to: instant("2026-11-27T10:45:00Z"))
        sim.jump(to: instant("2026-11-27T09:15:00Z"))
        sim.advance(to: instant("2026-11-27T10:45:00Z"))
        XCTAssertEqual(sim.fired.filter { $0.action == "requests" }.map(\.slot), ["09:30", "10:30"])
    }

    /// The timer is armed for the next reminder, or local midnight when that comes first.
    func testArmsNextReminderOrMidnight() {
        var sim = Simulator(plan: fixturePlan(), start: instant("2026-11-27T09:00:00Z"))
        XCTAssertEqual(sim.armed, instant("2026-11-27T09:30:00Z"))
        sim.advance(to: instant("2026-11-27T14:00:00Z"))
        XCTAssertEqual(sim.armed, instant("2026-11-28T00:00:00Z"))
    }
}

final class EngineReviewTests: XCTestCase {
    /// The weekly review fires on its day with the week's numbers per step and the coverage.
    func testWeeklyReviewSummarisesTheWeek() throws {
        var plan = fixturePlan()
        plan.weeklyReview = WeeklyReview(day: .fri, at: LocalTime("16:00")!)
        var sim = Simulator(plan: plan, start: instant("2026-11-27T08:00:00Z"))
        try sim.command(.done(action: "requests", count: 5, note: nil, day: "2026-11-26"), at: instant("2026-11-27T08:00:00Z"))
        sim.advance(to: instant("2026-11-27T16:00:00Z"))
        let review = try XCTUnwrap(sim.announced.first { $0.kind == .review })
        // Mon–Fri: requests 5 a day = 25 (5 done); call 1 a day = 5 (0 done).
        XCTAssertEqual(review.count, 5)
        XCTAssertEqual(review.target, 30)
        XCTAssertTrue(review.body?.contains("process running at 50%: 1 of 2 steps active") == true, review.body ?? "")
        // It says how to start the weekly session.
        XCTAssertTrue(review.body?.hasSuffix("Plan the next week in a terminal: salesd plan-week") == true, review.body ?? "")
    }

    /// A plan recorded as coming into force today counts only from today, as `ctl week` does.
    func testWeeklyReviewCountsThePlanFromWhenItCameIntoForce() throws {
        var plan = fixturePlan()
        plan.weeklyReview = WeeklyReview(day: .fri, at: LocalTime("16:00")!)
        let calendar = ZoneCalendar(timeZone: TimeZone(identifier: "Europe/London")!)
        var engine = Engine(
            plan: plan, calendar: calendar, events: [], handledThrough: instant("2026-11-27T15:59:00Z"),
            versions: [PlanVersion(effectiveFrom: LocalDay(iso: "2026-11-27")!, plan: plan)])
        let effects = engine.wake(now: instant("2026-11-27T16:00:00Z"))
        let review = effects.compactMap { effect -> Announcement? in
            if case .fire(_, let announcement, _) = effect, announcement.kind == .review { return announcement }
            return nil
        }.first
        // Friday only: requests 5 + call 1.
        XCTAssertEqual(review?.target, 6)
    }
}
