import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule
import XCTest

/// The system zone changes mid-day (same plan, new calendar). A reminder is (action, local day,
/// local time): one already dealt with in the old zone is never reminded again; one whose instant
/// in the new zone is still ahead fires once there; one the change moved into the past that the
/// old zone had not reached yet is owed too, so the missed policy applies to it (never silently lost).
final class SimulationZoneChangeTests: XCTestCase {
    /// London → New York at 12:00: the morning's reminders stay fired once; 14:00 fires at 14:00 New York time.
    func testZoneChangeWestward() {
        for day in SimulationDay.all where day.zone == "Europe/London" {
            var sim = day.harness(runTo: simulationInstant(day.zone, "\(day.day)", "12:00"))
            sim.changeZone(to: "America/New_York")
            let end = simulationCalendar("America/New_York").startOfDay(day.day.adding(days: 1))
            sim.advance(to: end)
            let tally = SimulationTally(sim)
            tally.assertHolds("\(day) → New York")
            XCTAssertEqual(tally.missed, 0, "\(day)")
            XCTAssertEqual(sim.gathered, [], "\(day)")
            let call = sim.fired.filter { $0.action == "call" && $0.day == day.day }
            XCTAssertEqual(call.map(\.at), [simulationInstant("America/New_York", "\(day.day)", "14:00")], "\(day)")
            XCTAssertEqual(sim.fired.filter { $0.action == "requests" && $0.day == day.day }.count, 3, "\(day)")
        }
    }

    /// New York → London at 10:40 (14:40 or 15:40 in London): 11:30 and 14:00 are past in London
    /// but were never reminded in New York; they are recorded missed and gathered, not lost.
    func testZoneChangeEastwardOwesWhatMovedIntoThePast() {
        for day in SimulationDay.all where day.zone == "America/New_York" {
            var sim = day.harness(runTo: simulationInstant(day.zone, "\(day.day)", "10:40"))
            sim.changeZone(to: "Europe/London")
            sim.advance(to: simulationCalendar("Europe/London").startOfDay(day.day.adding(days: 1)))
            let tally = SimulationTally(sim)
            tally.assertHolds("\(day) → London")
            let today = sim.missed.filter { $0.day == day.day }
            XCTAssertEqual(Set(simulationKeys(today)),
                           ["requests \(day.day) 11:30", "call \(day.day) 14:00"], "\(day)")
            XCTAssertEqual(sim.gathered.map(\.count), [2], "\(day): one announcement for requests and call")
            XCTAssertEqual(sim.fired.filter { $0.day == day.day && $0.at > sim.segments[1].from }.map(\.action),
                           ["wrapup"], "\(day): only 23:50 London is still ahead")
        }
    }
}
