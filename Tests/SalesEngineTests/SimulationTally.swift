import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule
import XCTest

/// The invariant every scenario ends with: each reminder the schedule asked for between the start
/// and the end of a run was fired once, recorded missed once, made moot (done, skipped, snoozed
/// past, day off), or — a repeat only — stood for by a later record of its action that day;
/// never two of these, never none; and nothing else was recorded.
struct SimulationTally {
    /// What happened to each expected reminder.
    enum Outcome: Equatable {
        case fired, missed, moot
        /// A repeat that came due together with a later reminder of its action that day, which
        /// stood for it.
        case superseded
    }

    private(set) var outcomes: [SimulationKey: Outcome] = [:]
    /// Expected reminders with no record and no reason to be moot.
    private(set) var lost: [SimulationKey] = []
    /// Reminders with more than one record, or a record the engine tried to write twice.
    private(set) var duplicated: [SimulationKey] = []
    /// Records of reminders the schedule never asked for (snoozes aside).
    private(set) var unexpected: [SimulationKey] = []

    var fired: Int { outcomes.values.filter { $0 == .fired }.count }
    var missed: Int { outcomes.values.filter { $0 == .missed }.count }
    var moot: Int { outcomes.values.filter { $0 == .moot }.count }
    var superseded: Int { outcomes.values.filter { $0 == .superseded }.count }

    /// Checks the run of `harness` up to its clock against `expected` (by default what each
    /// zone in force asked for, see ``expectedOccurrences(_:)``).
    init(_ harness: SimulationHarness, expected: [Occurrence]? = nil) {
        let expected = expected ?? SimulationTally.expectedOccurrences(harness)
        let records = harness.ledger.filter { $0.kind == .reminder || $0.kind == .missed }
        let byKey = Dictionary(grouping: records, by: SimulationKey.init)
        duplicated = byKey.filter { $0.value.count > 1 }.map(\.key) + harness.duplicates.map(SimulationKey.init)
        let expectedKeys = Set(expected.map(SimulationKey.init))
        // The latest planned or repeat time recorded per action and day.
        var recordedThrough: [String: LocalTime] = [:]
        for record in records {
            guard let time = record.slot.flatMap(LocalTime.init) else { continue }
            let key = "\(record.action ?? "") \(record.day)"
            recordedThrough[key] = max(recordedThrough[key] ?? time, time)
        }
        unexpected = byKey.keys.filter { !expectedKeys.contains($0) && !$0.slot.hasPrefix("snooze@") }.sorted()
        for occurrence in expected {
            let key = SimulationKey(occurrence)
            guard outcomes[key] == nil else { continue }
            if let record = byKey[key]?.first {
                outcomes[key] = record.kind == .reminder ? .fired : .missed
            } else if SimulationTally.isMoot(occurrence, plan: harness.plan, ledger: harness.ledger) {
                outcomes[key] = .moot
            } else if occurrence.isRepeat, let through = recordedThrough["\(occurrence.action) \(occurrence.day)"],
                      occurrence.time < through {
                outcomes[key] = .superseded
            } else {
                lost.append(key)
            }
        }
        for key in byKey.keys where key.slot.hasPrefix("snooze@") {
            outcomes[key] = byKey[key]!.first!.kind == .reminder ? .fired : .missed
        }
    }

    /// Asserts zero duplicates, zero lost and zero unexpected reminders.
    func assertHolds(_ context: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(duplicated.map(\.description), [], "\(context): duplicated", file: file, line: line)
        XCTAssertEqual(lost.map(\.description), [], "\(context): lost", file: file, line: line)
        XCTAssertEqual(unexpected.map(\.description), [], "\(context): unexpected", file: file, line: line)
    }

    /// The keys with `outcome`, sorted, as `action day slot` lines.
    func keys(_ outcome: Outcome) -> [String] {
        outcomes.filter { $0.value == outcome }.map(\.key).sorted().map(\.description)
    }

    /// What the schedule asked for over the run: each zone's occurrences from the moment it came
    /// into force (for a later zone, from the start of its local day, so a reminder a zone change
    /// moved into the past is still owed) to the next zone or the clock, one per key.
    static func expectedOccurrences(_ harness: SimulationHarness) -> [Occurrence] {
        var out: [Occurrence] = []
        var seen: Set<SimulationKey> = []
        for (index, segment) in harness.segments.enumerated() {
            let calendar = segment.calendar
            let schedule = Schedule(plan: harness.plan, calendar: calendar)
            let from = index == 0 ? segment.from : calendar.startOfDay(calendar.day(of: segment.from))
            let to = index + 1 < harness.segments.count ? harness.segments[index + 1].from : harness.now
            // Both ends inclusive, as the engine handles (from, to].
            for occurrence in schedule.occurrences(from: from.addingTimeInterval(index == 0 ? 0.001 : 0),
                                                   to: to.addingTimeInterval(0.001))
            where seen.insert(SimulationKey(occurrence)).inserted {
                out.append(occurrence)
            }
        }
        return out
    }

    /// Whether the ledger gives a reason for `occurrence` not to be reminded.
    static func isMoot(_ occurrence: Occurrence, plan: Plan, ledger: [Event]) -> Bool {
        if plan.daysOff.contains(occurrence.day) { return true }
        if ledger.contains(where: { $0.kind == .dayOff && $0.day == occurrence.day }) { return true }
        guard occurrence.kind == .action, let action = plan.action(id: occurrence.action) else { return false }
        let mine = ledger.filter { $0.action == action.id && $0.day == occurrence.day }
        if mine.contains(where: { $0.kind == .skip }) { return true }
        let undone = Set(ledger.filter { $0.kind == .undo }.compactMap(\.ref))
        let done = mine.filter { $0.kind == .done && !undone.contains($0.id ?? -1) }.reduce(0) { $0 + ($1.count ?? 1) }
        if done >= action.target { return true }
        return ledger.contains {
            $0.kind == .snooze && $0.action == action.id && $0.at < occurrence.instant
                && occurrence.instant < ($0.until ?? .distantPast)
        }
    }
}
