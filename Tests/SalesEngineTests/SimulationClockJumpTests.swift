import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule
import XCTest

/// The wall clock jumps: forward, the missed policy applies; backward, nothing fires twice.
final class SimulationClockJumpTests: XCTestCase {
    /// A jump of +1 hour over a reminder records it missed and gathers today's.
    func testJumpForwardHour() { jumpForward(3600) }

    /// A jump of +1 day records yesterday's rest quietly and gathers today's.
    func testJumpForwardDay() { jumpForward(86_400) }

    /// A jump of −1 hour re-fires nothing; later reminders fire once, on time.
    func testJumpBackHour() { jumpBack(3600) }

    /// A jump of −1 day re-fires nothing; later reminders fire once, on time.
    func testJumpBackDay() { jumpBack(86_400) }

    private func jumpForward(_ seconds: TimeInterval, file: StaticString = #filePath, line: UInt = #line) {
        for day in SimulationDay.all {
            let from = day.target.instant.addingTimeInterval(-60)
            var sim = day.harness(runTo: from)
            sim.jump(to: from.addingTimeInterval(seconds))
            sim.advance(to: day.end.addingTimeInterval(seconds))
            day.assertOutage(sim, from: from, to: from.addingTimeInterval(seconds), file: file, line: line)
        }
    }

    private func jumpBack(_ seconds: TimeInterval, file: StaticString = #filePath, line: UInt = #line) {
        for day in SimulationDay.all {
            let jumped = day.target.instant.addingTimeInterval(90 * 60)
            var sim = day.harness(runTo: jumped)
            let before = sim.fired.count
            sim.jump(to: jumped.addingTimeInterval(-seconds))
            XCTAssertEqual(sim.fired.count, before, "\(day): nothing fires on the jump", file: file, line: line)
            sim.advance(to: day.end)
            let tally = SimulationTally(sim)
            tally.assertHolds("\(day) back \(seconds)s", file: file, line: line)
            XCTAssertEqual(tally.missed, 0, "\(day)", file: file, line: line)
            XCTAssertEqual(sim.fired.filter { $0.latenessMs != 0 || $0.at != $0.scheduled }, [], "\(day)",
                           file: file, line: line)
            XCTAssertTrue(sim.fired.contains { $0.at > jumped }, "\(day): later reminders still fire",
                          file: file, line: line)
        }
    }
}
