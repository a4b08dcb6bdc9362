import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule
import XCTest

/// The machine sleeps: on resume the missed policy applies once, then the timer takes over.
final class SimulationSuspendTests: XCTestCase {
    /// Asleep 5 minutes over a reminder: it fires once on resume, marked late by 300000 ms.
    func testSuspendFiveMinutesFiresLateOnce() {
        for day in SimulationDay.all {
            let from = day.target.instant.addingTimeInterval(-60)
            var sim = day.harness(runTo: from)
            sim.suspend(for: 360)
            let late = sim.fired.filter { SimulationKey($0) == SimulationKey(day.target) }
            XCTAssertEqual(late.map(\.latenessMs), [300_000], "\(day)")
            XCTAssertEqual(sim.announced.last?.late, true, "\(day)")
            sim.advance(to: day.end)
            day.assertOutage(sim, from: from, to: from.addingTimeInterval(360))
        }
    }

    /// Asleep 3 hours: today's reminders of those hours are recorded missed and gathered into
    /// one announcement; the next reminder after resume fires on time.
    func testSuspendThreeHoursGathersTodaysMissed() {
        for day in SimulationDay.all {
            let from = day.target.instant.addingTimeInterval(-60)
            let to = from.addingTimeInterval(3 * 3600)
            var sim = day.harness(runTo: from)
            sim.suspend(for: 3 * 3600)
            XCTAssertEqual(sim.fired.filter { $0.at == to }, [], "\(day): nothing fires beyond grace")
            XCTAssertEqual(sim.gathered.count, 1, "\(day)")
            sim.advance(to: day.end)
            let next = day.schedule.next(after: to).first!
            XCTAssertEqual(sim.fired.first { SimulationKey($0) == SimulationKey(next) }?.at, next.instant, "\(day)")
            day.assertOutage(sim, from: from, to: to)
        }
    }

    /// Asleep 2 days: the earlier days' reminders are only recorded missed; today's are gathered once.
    func testSuspendTwoDaysRecordsEarlierDaysQuietly() {
        for day in SimulationDay.all {
            let from = day.target.instant.addingTimeInterval(-60 - 2 * 86_400)
            let to = from.addingTimeInterval(2 * 86_400)
            var sim = day.harness(runTo: from, daysBefore: 3)
            sim.suspend(for: 2 * 86_400)
            XCTAssertTrue(sim.missed.contains { $0.day == day.day.adding(days: -1) }, "\(day): yesterday recorded")
            XCTAssertEqual(sim.gathered.map(\.day), [day.day], "\(day): only today is announced")
            sim.advance(to: day.end)
            day.assertOutage(sim, from: from, to: to)
        }
    }
}
