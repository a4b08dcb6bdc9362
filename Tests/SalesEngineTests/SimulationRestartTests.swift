import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule
import XCTest

/// The daemon restarts: a new engine over the ledger fires nothing twice and applies the
/// missed policy to the time it was down.
final class SimulationRestartTests: XCTestCase {
    /// A restart mid-day, straight back up: nothing fires twice, nothing is missed.
    func testRestartMidDay() {
        for day in SimulationDay.all {
            let at = day.target.instant.addingTimeInterval(90 * 60)
            var sim = day.harness(runTo: at, daysBefore: 9)
            let before = sim.ledger.count
            sim.restart(at: at)
            XCTAssertEqual(sim.ledger.count, before, "\(day): the restart records nothing")
            sim.advance(to: day.end)
            let tally = SimulationTally(sim)
            tally.assertHolds("\(day)")
            XCTAssertEqual(tally.missed, 0, "\(day)")
        }
    }

    /// Down 5 minutes over a reminder: it fires late once after the restart.
    func testRestartAfterShortOutageFiresLate() { restartAfter(300 + 60) }

    /// Down 3 hours: today's reminders of those hours are recorded missed and gathered once.
    func testRestartAfterLongOutageGathers() { restartAfter(3 * 3600) }

    /// A restart during the repeated hour of a fall-back night does not fire the doubled time again.
    func testRestartDuringRepeatedHour() {
        XCTAssertEqual(SimulationDay.fallBack.count, 2)
        for day in SimulationDay.fallBack {
            let first = day.target.instant
            let secondPass = first.addingTimeInterval(3600 - 600)
            XCTAssertEqual(day.calendar.time(of: secondPass), LocalTime("01:20"), "\(day): the clock shows 01:20 again")
            var sim = day.harness(runTo: secondPass, daysBefore: 9)
            sim.restart(at: secondPass)
            sim.advance(to: day.end)
            let tally = SimulationTally(sim)
            tally.assertHolds("\(day)")
            XCTAssertEqual(tally.missed, 0, "\(day)")
            XCTAssertEqual(sim.fired.filter { SimulationKey($0) == SimulationKey(day.target) }.map(\.at), [first],
                           "\(day): 01:30 fired once, at its first occurrence")
        }
    }

    private func restartAfter(_ seconds: TimeInterval, file: StaticString = #filePath, line: UInt = #line) {
        for day in SimulationDay.all {
            let from = day.target.instant.addingTimeInterval(-60)
            var sim = day.harness(runTo: from, daysBefore: 9)
            sim.restart(at: from.addingTimeInterval(seconds))
            sim.advance(to: day.end)
            day.assertOutage(sim, from: from, to: from.addingTimeInterval(seconds), file: file, line: line)
        }
    }
}
