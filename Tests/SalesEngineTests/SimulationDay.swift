import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule
import XCTest

/// One day a fault scenario runs on, in one zone, with the reminder it is aimed at: a reminder in
/// the DST gap on spring-forward days, the first of a doubled time on fall-back days, else 09:30.
struct SimulationDay: CustomStringConvertible {
    var zone: String
    var day: LocalDay

    /// London and New York on an ordinary weekday, their spring-forward and their fall-back days.
    static let all: [SimulationDay] = [
        ("Europe/London", "2026-11-25"), ("Europe/London", "2026-03-29"), ("Europe/London", "2026-10-25"),
        ("America/New_York", "2026-11-04"), ("America/New_York", "2026-03-08"), ("America/New_York", "2026-11-01"),
    ].map { SimulationDay(zone: $0.0, day: LocalDay(iso: $0.1)!) }

    /// The fall-back days only.
    static let fallBack = all.filter { $0.calendar.offset(at: $0.start) > $0.calendar.offset(at: $0.end) }

    var description: String { "\(zone) \(day)" }
    var plan: Plan { simulationDayPlan(zone: zone) }
    var calendar: ZoneCalendar { simulationCalendar(zone) }
    var schedule: Schedule { Schedule(plan: plan, calendar: calendar) }
    var start: Date { calendar.startOfDay(day) }
    var end: Date { calendar.startOfDay(day.adding(days: 1)) }

    /// The reminder the scenario is aimed at.
    var target: Occurrence {
        let occurrences = schedule.occurrences(on: day)
        return occurrences.first { $0.shifted }
            ?? occurrences.first { calendar.resolve($0.time, on: day)!.repeated }
            ?? occurrences.first { $0.action == "requests" }!
    }

    /// A harness whose plan came into force `daysBefore` days before the day, run by its timer to `instant`.
    func harness(runTo instant: Date, daysBefore: Int = 1) -> SimulationHarness {
        var sim = SimulationHarness(plan: plan, start: calendar.startOfDay(day.adding(days: -daysBefore)))
        sim.advance(to: instant)
        return sim
    }

    /// What the missed policy asks for after an outage over `(from, to]` (asleep, a clock jump, a
    /// restart): per action and day, the latest due reminder fires late if within grace, else it
    /// is recorded missed; the earlier planned times are recorded missed (an earlier repeat gets no
    /// record: the latest stands for it); the missed actions of the day of
    /// `to` are gathered into one announcement. The morning prompt of the day of `to` fires late
    /// beyond grace too, while an action of that day is still to be reminded.
    func outcome(from: Date, to: Date) -> (fired: [String: Int], missed: Set<String>, gathered: Int) {
        let due = schedule.occurrences(from: from.addingTimeInterval(0.001), to: to.addingTimeInterval(0.001))
        let planAhead = schedule.occurrences(on: calendar.day(of: to)).contains { $0.kind == .action && $0.instant > to }
        var fired: [String: Int] = [:], missed: Set<String> = [], gathered = 0
        for (_, group) in Dictionary(grouping: due, by: { "\($0.action) \($0.day)" }) {
            let sorted = group.sorted()
            for earlier in sorted.dropLast() where !earlier.isRepeat { missed.insert(SimulationKey(earlier).description) }
            let latest = sorted.last!
            let lateness = to.timeIntervalSince(latest.instant)
            let usefulPrompt = latest.kind == .morning && latest.day == calendar.day(of: to) && planAhead
            if lateness <= plan.grace.timeInterval || usefulPrompt {
                fired[SimulationKey(latest).description] = Int(lateness * 1000)
            } else {
                missed.insert(SimulationKey(latest).description)
                if latest.day == calendar.day(of: to), latest.kind == .action { gathered += 1 }
            }
        }
        return (fired, missed, gathered)
    }

    /// Asserts that the run of `sim` dealt with the outage `(from, to]` exactly as ``outcome(from:to:)``
    /// says, fired everything else on time, and holds the invariant through to `sim`'s clock.
    func assertOutage(_ sim: SimulationHarness, from: Date, to: Date, file: StaticString = #filePath, line: UInt = #line) {
        let expected = outcome(from: from, to: to)
        let context = "\(self) outage \(from)…\(to)"
        let tally = SimulationTally(sim)
        tally.assertHolds(context, file: file, line: line)
        XCTAssertEqual(Set(simulationKeys(sim.missed)), expected.missed, "\(context): missed", file: file, line: line)
        let late = sim.fired.filter { $0.at == to && $0.latenessMs != 0 }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: late.map { (SimulationKey($0).description, $0.latenessMs!) }),
                       expected.fired.filter { $0.value != 0 }, "\(context): fired late", file: file, line: line)
        let onTime = sim.fired.filter { $0.latenessMs == 0 }
        XCTAssertEqual(onTime.count + late.count, sim.fired.count, "\(context): only the outage is late",
                       file: file, line: line)
        XCTAssertEqual(sim.announced.filter(\.late).count, late.count, "\(context): marked late", file: file, line: line)
        XCTAssertEqual(sim.gathered.count, expected.gathered > 0 ? 1 : 0, "\(context): one gathered announcement",
                       file: file, line: line)
        XCTAssertEqual(sim.gathered.first?.count, expected.gathered > 0 ? expected.gathered : nil,
                       "\(context): one line per missed action", file: file, line: line)
        XCTAssertEqual(sim.gathered.first?.day, expected.gathered > 0 ? calendar.day(of: to) : nil,
                       "\(context): about the day it resumed", file: file, line: line)
    }
}
