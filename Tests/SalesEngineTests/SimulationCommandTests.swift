import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule
import XCTest

/// Commands around midnight and DST: snooze, done and skip change what fires, never how often.
final class SimulationCommandTests: XCTestCase {
    /// A snooze at 23:51 for 30 minutes fires once at 00:21 the next day, standing in for 00:10.
    func testSnoozeAcrossMidnight() throws {
        for day in SimulationDay.all {
            let yesterday = day.day.adding(days: -1)
            let lastEvening = simulationInstant(day.zone, "\(yesterday)", "23:50")
            var sim = day.harness(runTo: lastEvening.addingTimeInterval(60), daysBefore: 2)
            try sim.command(.snooze(action: "wrapup", duration: PlanDuration("30m")))
            sim.advance(to: day.end)
            XCTAssertEqual(simulationKeys(sim.fired.filter { $0.action == "wrapup" && $0.at >= lastEvening }),
                           ["wrapup \(yesterday) 23:50", "wrapup \(day.day) snooze@00:21:00", "wrapup \(day.day) 23:50"],
                           "\(day)")
            let tally = SimulationTally(sim)
            tally.assertHolds("\(day)")
            XCTAssertEqual(tally.keys(.moot), ["wrapup \(day.day) 00:10"], "\(day)")
            XCTAssertEqual(tally.missed, 0, "\(day)")
        }
    }

    /// Done after the first reminder of a series stops the rest, across the DST hours too.
    func testDoneStopsRepeatsAroundDST() throws {
        for day in SimulationDay.all {
            let series = day.schedule.occurrences(on: day.day).filter { $0.action == day.target.action }
            var sim = day.harness(runTo: series[0].instant.addingTimeInterval(600))
            let target = sim.plan.action(id: day.target.action)!.target
            try sim.command(.done(action: day.target.action, count: target, note: nil, day: nil))
            sim.advance(to: day.end)
            assertSeriesStops(sim, day, series, firedCount: 1)
        }
    }

    /// Skip right after the aimed-at reminder (in the gap, or the first of a doubled time) stops the rest.
    func testSkipStopsRepeatsAroundDST() throws {
        for day in SimulationDay.all {
            let series = day.schedule.occurrences(on: day.day).filter { $0.action == day.target.action }
            var sim = day.harness(runTo: day.target.instant.addingTimeInterval(600))
            try sim.command(.skip(action: day.target.action, reason: nil))
            sim.advance(to: day.end)
            assertSeriesStops(sim, day, series, firedCount: series.firstIndex { $0.slot == day.target.slot }! + 1)
        }
    }

    private func assertSeriesStops(
        _ sim: SimulationHarness, _ day: SimulationDay, _ series: [Occurrence], firedCount: Int,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let fired = sim.fired.filter { $0.action == day.target.action && $0.day == day.day }
        XCTAssertEqual(simulationKeys(fired), series.prefix(firedCount).map { SimulationKey($0).description },
                       "\(day)", file: file, line: line)
        let tally = SimulationTally(sim)
        tally.assertHolds("\(day)", file: file, line: line)
        XCTAssertEqual(tally.keys(.moot), series.dropFirst(firedCount).map { SimulationKey($0).description },
                       "\(day)", file: file, line: line)
        XCTAssertEqual(tally.missed, 0, "\(day)", file: file, line: line)
    }
}
