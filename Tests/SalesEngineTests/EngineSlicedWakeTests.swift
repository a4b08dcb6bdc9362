import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule
import XCTest

/// A wake in slices does what the same wake done at once does, in the same order, whatever the
/// window: across local midnights, across the zones' own changes of offset (as Foundation's
/// time-zone rules give them), with times in the gaps and folds, and with a snooze ending in it.
final class EngineSlicedWakeTests: XCTestCase {
    /// Zones with a change at or near midnight, half-hour and 30-minute changes, both
    /// hemispheres, and one without changes.
    private let zones = [
        "Europe/London", "America/New_York", "America/Santiago", "America/Havana", "Asia/Beirut",
        "Australia/Lord_Howe", "Pacific/Chatham", "America/Sao_Paulo", "Africa/Cairo", "Asia/Kolkata",
    ]

    /// Actions at midnight, in the usual gap and fold hours, late in the evening, and repeating
    /// across those hours.
    private func plan(zone: String) -> Plan {
        let at = { (text: String) in LocalTime(text)! }
        var plan = Plan(
            timeZone: zone, morningPrompt: at("07:00"), steps: [Step(id: "connect", name: "Connect")],
            actions: [
                PlanAction(id: "a-midnight", step: "connect", title: "Midnight", at: [at("00:00")]),
                PlanAction(id: "b-half", step: "connect", title: "Half past", at: [at("00:30"), at("12:30")]),
                PlanAction(id: "c-gap", step: "connect", title: "Gap", days: [.weekdays], at: [at("02:30")]),
                PlanAction(id: "d-fold", step: "connect", title: "Fold", days: [.weekends], at: [at("01:30")]),
                PlanAction(id: "e-evening", step: "connect", title: "Evening", at: [at("22:00")],
                           repeat: PlanDuration("30m"), until: at("23:59")),
                PlanAction(id: "f-night", step: "connect", title: "Night", target: 2, at: [at("00:00")],
                           repeat: PlanDuration("1h"), until: at("03:00")),
                PlanAction(id: "g-late", step: "connect", title: "Late", at: [at("23:30")]),
                PlanAction(id: "h-morning", step: "connect", title: "Morning", days: [.daily], at: [at("09:00")],
                           repeat: PlanDuration("2h"), until: at("17:00")),
            ])
        plan.grace = PlanDuration(seconds: 900)
        return plan
    }

    /// Instants around each of the zone's next offset changes after `from` (or around
    /// midnights, for a zone without any), the first `count` of them.
    private func changes(_ zone: TimeZone, count: Int) -> [Date] {
        var found: [Date] = []
        var after = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        while found.count < count, let next = zone.nextDaylightSavingTimeTransition(after: after) {
            found.append(next)
            after = next
        }
        while found.count < count { found.append(after.addingTimeInterval(Double(found.count) * 86_400 * 40)) }
        return found
    }

    func testSlicesDoWhatTheWakeAtOnceDoesAcrossDaysAndOffsetChanges() {
        var generator = SeededGenerator(seed: 20_261_201)
        // Cases whose slices went through several local days, and whose wake fired a reminder:
        // the comparison is about something only when both are common.
        var (acrossDays, firing) = (0, 0)
        for name in zones {
            let zone = TimeZone(identifier: name)!
            let calendar = ZoneCalendar(timeZone: zone)
            for change in changes(zone, count: 4) {
                for _ in 0..<4 {
                    let start = change.addingTimeInterval(-Double.random(in: 60...(3 * 86_400), using: &generator))
                    let now = change.addingTimeInterval(Double.random(in: 0...(2 * 86_400), using: &generator))
                    let slice = Int.random(in: 1...4, using: &generator)
                    let slices = compare(plan(zone: name), calendar, from: start, to: now, slice: slice,
                                         snoozeEnding: Bool.random(using: &generator) ? start.addingTimeInterval(600) : nil,
                                         "\(name) \(start) → \(now), slice \(slice)")
                    // The plan has 9 actions with the morning prompt: more slices than one day takes.
                    if slices.count > (9 + slice - 1) / slice { acrossDays += 1 }
                    if slices.joined().contains(where: { if case .fire = $0 { true } else { false } }) { firing += 1 }
                }
            }
        }
        XCTAssertGreaterThan(acrossDays, 140, "of 160 cases")
        XCTAssertGreaterThan(firing, 80, "of 160 cases")
    }

    /// The wake at midnight, which the daemon makes every day: a window of a minute across it.
    func testTheWakeAtMidnightIsSlicedADayAtATime() {
        let london = ZoneCalendar(timeZone: TimeZone(identifier: "Europe/London")!)
        let midnight = london.startOfDay(LocalDay(year: 2026, month: 12, day: 2)!)
        let slices = compare(plan(zone: "Europe/London"), london, from: midnight.addingTimeInterval(-59.5),
                             to: midnight.addingTimeInterval(0.5), slice: 3, snoozeEnding: nil, "midnight")
        // 9 actions (the plan's 8 and the morning prompt) a day, 3 at a time: 3 slices of each day.
        XCTAssertEqual(slices.count, 6)
        XCTAssertFalse(slices[3...].flatMap { $0 }.isEmpty, "the new day's reminders come in its own slices")
    }

    /// Wakes two engines in the same state over `start…now`, one at once and one in slices of
    /// `slice` actions, and checks the effects are the same and in the same order; returns the slices.
    @discardableResult
    private func compare(_ plan: Plan, _ calendar: ZoneCalendar, from start: Date, to now: Date, slice: Int,
                         snoozeEnding: Date?, _ label: String, file: StaticString = #filePath, line: UInt = #line)
        -> [[EngineEffect]]
    {
        var atOnce = Engine(plan: plan, calendar: calendar, events: [], handledThrough: start)
        if let until = snoozeEnding {
            let at = start.addingTimeInterval(-30)
            let snooze = Event(kind: .snooze, at: at, day: calendar.day(of: at), action: "h-morning", until: until,
                               source: "ctl")
            _ = atOnce.apply(snooze, now: at)
        }
        var sliced = atOnce
        let whole = atOnce.wake(now: now)
        var slices = [sliced.wake(now: now, slice: slice)]
        while sliced.isWaking { slices.append(sliced.continueWake()) }
        XCTAssertEqual(slices.flatMap { $0 }, whole, label, file: file, line: line)
        XCTAssertEqual(slices.dropLast().flatMap { $0 }.filter { if case .arm = $0 { true } else { false } }, [],
                       "only the last slice arms the timer: \(label)", file: file, line: line)
        return slices
    }
}

/// SplitMix64: the same cases on every run.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
