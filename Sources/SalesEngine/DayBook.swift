import Foundation
import SalesPlan

/// What the recent ledger says about each day: done counts, skips, days off, snoozes and which
/// reminders were already fired or recorded missed. A projection of events, rebuilt at start.
struct DayBook: Sendable {
    struct Key: Hashable, Sendable {
        var day: LocalDay
        var action: String
    }

    struct ReminderKey: Hashable, Sendable {
        var action: String
        var day: LocalDay
        var slot: String
    }

    struct Snooze: Hashable, Sendable {
        var from: Date
        var until: Date
        /// Whether its end owes a reminder: the action was reminded that day before the snooze,
        /// or a reminder of it fell inside the snooze (and was postponed to its end).
        var owed: Bool = true
    }

    private(set) var done: [Key: Int] = [:]
    /// Done events not yet undone, oldest first (what `undo` may cancel).
    private(set) var undoable: [Event] = []
    private(set) var skipped: Set<Key> = []
    private(set) var daysOff: Set<LocalDay> = []
    /// The latest snooze per action.
    private(set) var snoozes: [String: Snooze] = [:]
    private(set) var recorded: Set<ReminderKey> = []
    /// When each action was last reminded on each day (fired, not missed).
    private(set) var reminded: [Key: Date] = [:]
    private(set) var lastDone: [String: Date] = [:]

    mutating func apply(_ event: Event) {
        switch event.kind {
        case .done:
            done[Key(day: event.day, action: event.action ?? ""), default: 0] += event.count ?? 1
            undoable.append(event)
            if let action = event.action { lastDone[action] = max(lastDone[action] ?? .distantPast, event.at) }
        case .undo:
            guard let index = undoable.lastIndex(where: { $0.id == event.ref }) else { return }
            let cancelled = undoable.remove(at: index)
            done[Key(day: cancelled.day, action: cancelled.action ?? ""), default: 0] -= cancelled.count ?? 1
        case .skip:
            skipped.insert(Key(day: event.day, action: event.action ?? ""))
        case .dayOff:
            daysOff.insert(event.day)
        case .snooze:
            if let action = event.action, let until = event.until {
                snoozes[action] = Snooze(from: event.at, until: until)
            }
        case .reminder, .missed:
            recorded.insert(ReminderKey(action: event.action ?? "", day: event.day, slot: event.slot ?? ""))
            if event.kind == .reminder {
                let key = Key(day: event.day, action: event.action ?? "")
                reminded[key] = max(reminded[key] ?? .distantPast, event.at)
            }
        case .result, .plan:
            break
        }
    }

    func doneCount(_ action: String, on day: LocalDay) -> Int { done[Key(day: day, action: action)] ?? 0 }
    func isSkipped(_ action: String, on day: LocalDay) -> Bool { skipped.contains(Key(day: day, action: action)) }
    func isRecorded(_ action: String, _ day: LocalDay, _ slot: String) -> Bool {
        recorded.contains(ReminderKey(action: action, day: day, slot: slot))
    }

    /// Whether `action` was reminded on `day` at or before `instant`.
    func wasReminded(_ action: String, on day: LocalDay, before instant: Date) -> Bool {
        (reminded[Key(day: day, action: action)] ?? .distantFuture) <= instant
    }

    /// Marks whether the latest snooze of `action` owes a reminder at its end.
    mutating func setOwed(_ owed: Bool, action: String) { snoozes[action]?.owed = owed }

    /// Forgets what happened before `day` (it no longer affects reminders).
    mutating func prune(before day: LocalDay) {
        done = done.filter { $0.key.day >= day }
        undoable.removeAll { $0.day < day }
        skipped = skipped.filter { $0.day >= day }
        daysOff = daysOff.filter { $0 >= day }
        recorded = recorded.filter { $0.day >= day }
        reminded = reminded.filter { $0.key.day >= day }
    }
}
