import Foundation
import SalesPlan
import SalesSchedule

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
    /// Done, skip, snooze, day-off and result events not yet undone, oldest first (what `undo`
    /// may take back).
    private(set) var undoable: [Event] = []
    /// Events an undo took back, by id, so a repeated undo can say what it took back.
    private(set) var cancelled: [Int64: Event] = [:]
    /// Why a day was taken off with `salesd ctl off`.
    private(set) var dayOffReasons: [LocalDay: String] = [:]
    private(set) var skipped: Set<Key> = []
    private(set) var daysOff: Set<LocalDay> = []
    /// The latest snooze per action.
    private(set) var snoozes: [String: Snooze] = [:]
    /// Snooze ends fired or recorded missed, by slot.
    private(set) var recorded: Set<ReminderKey> = []
    /// The latest planned or repeat time fired or recorded missed, per action and day. Times of
    /// the plan are dealt with in order, so every earlier one was fired, recorded missed, moot,
    /// or stood for by a later one: a plan re-reminding every minute costs one entry per action
    /// and day, not 1,440, and a restart needs only the latest record of each.
    private(set) var recordedThrough: [Key: LocalTime] = [:]
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
            takeBack(undoable.remove(at: index))
        case .skip:
            skipped.insert(Key(day: event.day, action: event.action ?? ""))
            undoable.append(event)
        case .dayOff:
            daysOff.insert(event.day)
            if let note = event.note { dayOffReasons[event.day] = note }
            undoable.append(event)
        case .snooze:
            if let action = event.action, let until = event.until {
                snoozes[action] = Snooze(from: event.at, until: until)
            }
            undoable.append(event)
        case .reminder, .missed:
            let key = Key(day: event.day, action: event.action ?? "")
            if let time = event.slot.flatMap(LocalTime.init) {
                recordedThrough[key] = max(recordedThrough[key] ?? time, time)
            } else {
                recorded.insert(ReminderKey(action: key.action, day: event.day, slot: event.slot ?? ""))
            }
            if event.kind == .reminder {
                reminded[key] = max(reminded[key] ?? .distantPast, event.at)
            }
        case .result:
            undoable.append(event)
        case .plan, .commitment, .commitmentKept:
            break
        }
    }

    /// Reverses what `event` did; the events still in force decide what remains (a second skip
    /// of the same day keeps it skipped).
    private mutating func takeBack(_ event: Event) {
        if let id = event.id { cancelled[id] = event }
        let key = Key(day: event.day, action: event.action ?? "")
        let same = { (other: Event) in other.kind == event.kind && other.day == event.day && other.action == event.action }
        switch event.kind {
        case .done:
            done[key, default: 0] -= event.count ?? 1
        case .skip where !undoable.contains(where: same):
            skipped.remove(key)
        case .dayOff where !undoable.contains(where: same):
            daysOff.remove(event.day)
            dayOffReasons[event.day] = nil
        case .snooze:
            guard let action = event.action, snoozes[action]?.from == event.at else { break }
            let earlier = undoable.last { $0.kind == .snooze && $0.action == action }
            snoozes[action] = earlier.flatMap { e in e.until.map { Snooze(from: e.at, until: $0) } }
        default:
            break
        }
    }

    func doneCount(_ action: String, on day: LocalDay) -> Int { done[Key(day: day, action: action)] ?? 0 }
    func isSkipped(_ action: String, on day: LocalDay) -> Bool { skipped.contains(Key(day: day, action: action)) }
    /// Whether `occurrence` was dealt with: fired or recorded missed, or a time of the plan at or
    /// before the latest one that was (see ``recordedThrough``).
    func isRecorded(_ occurrence: Occurrence) -> Bool {
        guard LocalTime(occurrence.slot) != nil else {
            return recorded.contains(ReminderKey(action: occurrence.action, day: occurrence.day, slot: occurrence.slot))
        }
        guard let through = recordedThrough[Key(day: occurrence.day, action: occurrence.action)] else { return false }
        return occurrence.time <= through
    }

    /// Calls the actions `renames` names by a former id by their current one (a reload with a
    /// renamed action): today's counts, skips, snoozes and fired reminders follow the action.
    mutating func rename(_ renames: [String: String]) {
        guard !renames.isEmpty else { return }
        func name(_ action: String?) -> String? { action.map { renames[$0] ?? $0 } }
        func renamed(_ event: Event) -> Event {
            var event = event
            event.action = name(event.action)
            return event
        }
        done = Dictionary(done.map { (Key(day: $0.key.day, action: name($0.key.action)!), $0.value) }, uniquingKeysWith: +)
        undoable = undoable.map(renamed)
        cancelled = cancelled.mapValues(renamed)
        skipped = Set(skipped.map { Key(day: $0.day, action: name($0.action)!) })
        snoozes = Dictionary(snoozes.map { (name($0.key)!, $0.value) }) { $0.from >= $1.from ? $0 : $1 }
        recorded = Set(recorded.map { ReminderKey(action: name($0.action)!, day: $0.day, slot: $0.slot) })
        recordedThrough = Dictionary(recordedThrough.map { (Key(day: $0.key.day, action: name($0.key.action)!), $0.value) },
                                     uniquingKeysWith: max)
        lastDone = Dictionary(lastDone.map { (name($0.key)!, $0.value) }, uniquingKeysWith: max)
        reminded = Dictionary(reminded.map { (Key(day: $0.key.day, action: name($0.key.action)!), $0.value) },
                              uniquingKeysWith: max)
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
        cancelled = cancelled.filter { $0.value.day >= day }
        dayOffReasons = dayOffReasons.filter { $0.key >= day }
        skipped = skipped.filter { $0.day >= day }
        daysOff = daysOff.filter { $0 >= day }
        recorded = recorded.filter { $0.day >= day }
        recordedThrough = recordedThrough.filter { $0.key.day >= day }
        reminded = reminded.filter { $0.key.day >= day }
    }
}
