import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule
import XCTest

/// Every day of a year in one zone, driven by the engine's own timer only: each reminder fires
/// once, on time, and the timer never wakes without a reason.
final class SimulationYearTests: XCTestCase {
    /// London: a 1-hour gap at 01:00 and overlap at 01:00–02:00.
    func testYearLondon() { simulateYear("Europe/London", from: "2026-01-01", shifted: 1, repeated: 1) }

    /// New York: a 1-hour gap at 02:00 and overlap at 01:00–02:00.
    func testYearNewYork() { simulateYear("America/New_York", from: "2026-01-01", shifted: 1, repeated: 1) }

    /// Lord Howe: 30-minute DST shifts (gap 02:00–02:30, overlap 01:30–02:00), southern hemisphere.
    func testYearLordHowe() { simulateYear("Australia/Lord_Howe", from: "2026-01-01", shifted: 1, repeated: 1) }

    /// Havana: DST changes at midnight (gap 00:00–01:00, overlap 00:00–01:00).
    func testYearHavana() { simulateYear("America/Havana", from: "2026-01-01", shifted: 1, repeated: 1) }

    /// Santiago: southern hemisphere, DST at midnight (gap Sunday 00:00–01:00, overlap Saturday 23:00–24:00).
    func testYearSantiago() { simulateYear("America/Santiago", from: "2026-01-01", shifted: 1, repeated: 1) }

    /// Apia skipped 2011-12-30 entirely and shifts DST at 03:00.
    func testYearApiaSkippedDay() {
        simulateYear("Pacific/Apia", from: "2011-06-01", through: "2012-05-31", shifted: 1, repeated: 1)
        let calendar = simulationCalendar("Pacific/Apia")
        let skipped = LocalDay(iso: "2011-12-30")!
        XCTAssertFalse(calendar.exists(skipped))
        XCTAssertEqual(Array(Schedule(plan: simulationYearPlan(zone: "Pacific/Apia", dates: []), calendar: calendar)
            .occurrences(on: skipped)), [])
    }

    /// Kolkata: no DST, a half-hour offset.
    func testYearKolkata() { simulateYear("Asia/Kolkata", from: "2026-01-01", shifted: 0, repeated: 0) }

    /// Runs the year and asserts the schedule's properties, then the engine's behaviour against it.
    /// `shifted` / `repeated`: how many transition days put a reminder in a gap / an overlap.
    private func simulateYear(
        _ zone: String, from first: String, through last: String? = nil, shifted: Int, repeated: Int,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let firstDay = LocalDay(iso: first)!
        let lastDay = last.flatMap { LocalDay(iso: $0) } ?? firstDay.adding(days: 364)
        let plan = simulationYearPlan(zone: zone, dates: [firstDay.adding(days: 40), firstDay.adding(days: 200)])
        let calendar = simulationCalendar(zone)
        let schedule = Schedule(plan: plan, calendar: calendar)

        // The expected reminders, day by day, and what the DST rules say about each.
        var expected: [Occurrence] = []
        var shiftedDays: Set<LocalDay> = [], repeatedDays: Set<LocalDay> = []
        var day = firstDay
        while day <= lastDay {
            for occurrence in schedule.occurrences(on: day) {
                expected.append(occurrence)
                assertResolution(occurrence, calendar, file: file, line: line)
                if occurrence.shifted { shiftedDays.insert(day) }
                if calendar.resolve(occurrence.time, on: day)!.repeated { repeatedDays.insert(day) }
            }
            day = day.adding(days: 1)
        }
        let days = firstDay.days(to: lastDay) + 1
        XCTAssertEqual(shiftedDays.count, shifted, "\(zone): days with a reminder in a gap", file: file, line: line)
        XCTAssertEqual(repeatedDays.count, repeated, "\(zone): days with a reminder in an overlap", file: file, line: line)
        XCTAssertEqual(Set(expected.map(SimulationKey.init)).count, expected.count, "\(zone): keys are unique",
                       file: file, line: line)

        // The run: the timer alone, from just before the first day to the last second of the last.
        var sim = SimulationHarness(plan: plan, start: calendar.startOfDay(firstDay).addingTimeInterval(-1))
        sim.advance(to: calendar.startOfDay(lastDay.adding(days: 1)).addingTimeInterval(-1))

        let tally = SimulationTally(sim, expected: expected)
        tally.assertHolds(zone, file: file, line: line)
        XCTAssertEqual(tally.fired, expected.count, "\(zone): every reminder fired", file: file, line: line)
        XCTAssertEqual(sim.missed.count, 0, "\(zone): none missed", file: file, line: line)
        XCTAssertEqual(sim.gathered.count, 0, "\(zone): no missed announcement", file: file, line: line)
        let instants = Dictionary(uniqueKeysWithValues: expected.map { (SimulationKey($0), $0.instant) })
        let offTime = sim.fired.filter {
            $0.latenessMs != 0 || $0.at != $0.scheduled || $0.at != instants[SimulationKey($0)]
        }
        XCTAssertEqual(simulationKeys(offTime), [], "\(zone): every reminder at its instant", file: file, line: line)
        XCTAssertFalse(sim.announced.contains { $0.late }, "\(zone): nothing marked late", file: file, line: line)
        let order = zip(sim.fired, sim.fired.dropFirst()).filter { $0.at > $1.at || ($0.at == $1.at && $0.day > $1.day) }
        XCTAssertEqual(order.count, 0, "\(zone): reminders fire in time order", file: file, line: line)
        let distinctInstants = Set(expected.map(\.instant)).count
        XCTAssertLessThanOrEqual(sim.timerWakes, distinctInstants + days + 2,
                                 "\(zone): no periodic wake-ups", file: file, line: line)
    }

    /// The occurrence lies on its own day; a gap time comes at the gap's end, flagged shifted;
    /// any other time is the first instant showing it.
    private func assertResolution(_ o: Occurrence, _ calendar: ZoneCalendar, file: StaticString, line: UInt) {
        let context = "\(calendar.timeZone.identifier) \(o.action) \(o.day) \(o.slot)"
        XCTAssertEqual(calendar.day(of: o.instant), o.day, context, file: file, line: line)
        if o.shifted {
            let before = o.instant.addingTimeInterval(-1)
            XCTAssertLessThan(calendar.offset(at: before), calendar.offset(at: o.instant), context, file: file, line: line)
            XCTAssertTrue(calendar.day(of: before) < o.day || calendar.time(of: before) < o.time, context,
                          file: file, line: line)
            XCTAssertGreaterThan(calendar.time(of: o.instant), o.time, context, file: file, line: line)
        } else {
            XCTAssertEqual(calendar.time(of: o.instant), o.time, context, file: file, line: line)
            for earlier in [1800.0, 3600.0] {
                let e = o.instant.addingTimeInterval(-earlier)
                XCTAssertFalse(calendar.day(of: e) == o.day && calendar.time(of: e) == o.time,
                               "\(context): an earlier instant shows the same time", file: file, line: line)
            }
        }
    }
}
