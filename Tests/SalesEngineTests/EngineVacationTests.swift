import Foundation
import SalesEngine
import SalesPlan
import XCTest

final class EngineVacationTests: XCTestCase {
    private let now = instant("2026-11-27T09:00:00Z")  // Fri 27 Nov, before the 09:30 reminder

    private func day(_ text: String) -> LocalDay { LocalDay(iso: text)! }

    /// A vacation is one day-off event per day not off already; its days have no reminders.
    func testAVacationRecordsEachDayNotOffAlready() throws {
        var sim = Simulator(plan: fixturePlan(), start: now)
        try sim.command(.dayOff(day: "2026-11-30", reason: nil), at: now)
        let vacation = Command.daysOff(from: "today", through: "2026-12-02", reason: "holidays")
        let events = try sim.engine.vacationEvents(vacation, now: now, source: "test")
        // Fri 27 … Wed 2 Dec is 6 days; Mon 30 is off already → 5 events.
        XCTAssertEqual(events.map(\.day.description), ["2026-11-27", "2026-11-28", "2026-11-29", "2026-12-01", "2026-12-02"])
        XCTAssertEqual(Set(events.map(\.note)), ["holidays"])
        for event in events { _ = sim.engine.apply(event, now: now) }
        XCTAssertTrue((0..<6).allSatisfy { sim.engine.isOff(day("2026-11-27").adding(days: $0)) })
        XCTAssertTrue(try sim.engine.repeatsWhatIsInForce(vacation, now: now), "the same vacation again is already in force")
        XCTAssertFalse(sim.engine.isOff(day("2026-12-03")))
    }

    /// A vacation that ends before it starts, or runs past 366 days, is refused with the reason.
    func testBadRangesAreRefused() {
        let sim = Simulator(plan: fixturePlan(), start: now)
        XCTAssertThrowsError(try sim.engine.vacationEvents(.daysOff(from: "2026-12-05", through: "2026-12-01", reason: nil),
                                                           now: now, source: "t")) {
            XCTAssertTrue("\($0)".contains("is before the first day, 2026-12-05"), "\($0)")
        }
        XCTAssertThrowsError(try sim.engine.vacationEvents(.daysOff(from: nil, through: "2027-11-28", reason: nil),
                                                           now: now, source: "t")) {
            XCTAssertTrue("\($0)".contains("longer than 366 days"), "\($0)")
        }
        XCTAssertThrowsError(try sim.engine.vacationEvents(.daysOff(from: nil, through: "soon", reason: nil),
                                                           now: now, source: "t"))
    }
}
