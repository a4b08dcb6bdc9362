import Foundation
import SalesPlan
import SalesSchedule
import SalesScore

/// salesd's state machine: given the plan, the recent ledger and the time, decides which
/// reminders fire, which are missed, what commands record, and when to wake next.
///
/// It never reads a clock, arms a timer or writes anything: every input carries `now`, every
/// output is an ``EngineEffect`` the driver carries out.
public struct Engine: Sendable {
    public private(set) var plan: Plan
    public private(set) var schedule: Schedule
    /// Every occurrence at or before this instant has been dealt with (fired, missed or moot).
    public internal(set) var handledThrough: Date
    /// A wake still dealing with what came due, some actions at a time (``continueWake()``).
    var dueWake: DueWake?
    var book = DayBook()
    /// The people in the pipeline, as the ledger last had them (the driver keeps this current).
    public internal(set) var people = PersonBook([])
    /// The ledger events of the current week and the backfill window, for pace.
    var recent: [Event] = []
    /// The plan versions in force over time, as the ledger recorded them: this week's pace and
    /// review count each day against the plan of that day, as `salesd ctl week` does.
    public internal(set) var versions: [PlanVersion]

    public var calendar: ZoneCalendar { schedule.calendar }

    /// - Parameters:
    ///   - plan: the plan in force.
    ///   - calendar: the plan's zone.
    ///   - events: the ledger's events of the last days (at least `plan.backfillDays`).
    ///   - handledThrough: occurrences up to this instant are not reconsidered — the moment the
    ///     plan came into force, or a week ago, whichever is later.
    ///   - versions: the plan versions recorded in the ledger; empty means `plan` has always
    ///     been in force.
    public init(
        plan: Plan, calendar: ZoneCalendar, events: [Event], handledThrough: Date, versions: [PlanVersion] = []
    ) {
        self.plan = plan
        self.versions = versions.isEmpty ? [PlanVersion(effectiveFrom: LocalDay(daysSinceEpoch: 0), plan: plan)]
            : PlanVersion.renaming(versions, by: plan)
        self.schedule = Schedule(plan: plan, calendar: calendar)
        self.handledThrough = handledThrough
        for event in events { remember(event) }
    }

    /// How many days of history the engine keeps: the backfill window, and at least a week.
    var historyDays: Int { Self.historyDays(for: plan) }

    /// The backfill window, and at least a week (for pace and the weekly review), plus today.
    static func historyDays(for plan: Plan) -> Int { max(plan.backfillDays, 7) + 1 }

    mutating func remember(_ event: Event) {
        let event = plan.renamed(event)
        if event.kind == .snooze, let action = event.action, let until = event.until {
            // Decided once, against the book as it was before this snooze replaces the last one.
            let owed = snoozeIsOwed(action: action, from: event.at, until: until)
            book.apply(event)
            book.setOwed(owed, action: action)
        } else {
            book.apply(event)
        }
        if [.done, .undo, .skip, .dayOff].contains(event.kind) { recent.append(event) }
    }

    /// Puts a new plan (or the same plan in a new zone) in force from now on.
    ///
    /// A changed plan applies from `now`: what it would have reminded earlier today is not owed.
    /// The same plan in a new zone still owes today's reminders that the change moved into the
    /// past (they go through the missed policy); the ledger's records stop any repeat.
    public mutating func replacePlan(_ plan: Plan, calendar: ZoneCalendar, now: Date) -> [EngineEffect] {
        // What came due under the plan in force is dealt with under that plan.
        let finished = finishWake()
        var previous = self.plan
        previous.timeZone = plan.timeZone
        let zoneChangeOnly = previous == plan
        if !zoneChangeOnly { versions.append(PlanVersion(effectiveFrom: calendar.day(of: now), plan: plan)) }
        self.plan = plan
        self.schedule = Schedule(plan: plan, calendar: calendar)
        applyRenames(of: plan)
        var effects: [EngineEffect] = []
        if zoneChangeOnly {
            let startOfToday = calendar.startOfDay(calendar.day(of: now))
            effects = handleDue(from: min(handledThrough, startOfToday), through: max(handledThrough, now))
        }
        handledThrough = max(handledThrough, now)
        return finished + effects + [.arm(nextWake(after: handledThrough))]
    }

    /// The next instant the engine wants to be woken: the next reminder, a snooze ending, or
    /// local midnight (a new day's plan), whichever comes first.
    public func nextWake(after instant: Date) -> Date {
        let today = calendar.day(of: instant)
        var candidates = [calendar.startOfDay(today.adding(days: 1))]
        if let next = schedule.next(after: instant).first { candidates.append(next.instant) }
        candidates += book.snoozes.values.filter(\.owed).map(\.until).filter { $0 > instant }
        return candidates.min()!
    }

    /// The next reminder that will fire after `now` (for status lines), skipping moot ones.
    public func nextReminder(after now: Date) -> Occurrence? {
        let start = max(now, handledThrough)
        let snoozed = snoozeOccurrences(after: now).filter { !isMoot($0) }.min()
        var day = calendar.day(of: start).adding(days: -1)
        // Day by day, stopping at the first reminder still needed: a done action's repeats are moot.
        for _ in 0..<370 {
            if let snoozed, snoozed.day < day { return snoozed }
            if let next = schedule.occurrences(on: day, after: start, skipping: isMootAllDay).first(where: { !isMoot($0) }) {
                return [next, snoozed].compactMap { $0 }.min()
            }
            day = day.adding(days: 1)
        }
        return snoozed
    }

    /// The person's own record of an action on a day, as the scoreboard and `today` see it.
    public func doneCount(_ action: String, on day: LocalDay) -> Int { book.doneCount(action, on: day) }

    /// Whether `day` is off, by the config or by `salesd ctl off`.
    public func isOff(_ day: LocalDay) -> Bool { plan.isDayOff(day) || book.daysOff.contains(day) }

    /// Whether every occurrence of `action` (or `@morning`, `@review`) on `day` is moot: the day
    /// is off, or the action done or skipped. Lets the schedule pass over its times unread.
    func isMootAllDay(_ action: String, _ day: LocalDay) -> Bool {
        if isOff(day) { return true }
        guard let planned = plan.action(id: action) else { return false }
        return book.doneCount(action, on: day) >= planned.target(on: day) || book.isSkipped(action, on: day)
    }

    /// An occurrence that no longer needs a reminder: its action is done, skipped or the day off.
    func isMoot(_ occurrence: Occurrence) -> Bool {
        if isMootAllDay(occurrence.action, occurrence.day) { return true }
        guard occurrence.kind == .action, let action = plan.action(id: occurrence.action) else { return false }
        if !occurrence.slot.hasPrefix(Engine.snoozeSlotPrefix), let snooze = book.snoozes[action.id],
           occurrence.instant > snooze.from, occurrence.instant <= snooze.until {
            // Postponed to the snooze's end, which fires in its place (a planned time at the
            // very end included: one reminder, not two).
            return true
        }
        return false
    }

    /// Whether a snooze of `action` from `from` to `until` postpones anything: the action was
    /// already reminded that day, a reminder of it falls inside the snooze, or the snooze it
    /// replaces owed a reminder inside it. Else it would only move a later reminder earlier.
    func snoozeIsOwed(action: String, from: Date, until: Date) -> Bool {
        let day = calendar.day(of: from)
        if book.wasReminded(action, on: day, before: from) { return true }
        if let previous = book.snoozes[action], previous.owed, previous.until > from, previous.until <= until {
            return true
        }
        return schedule.occurrences(from: from.addingTimeInterval(0.001), to: until.addingTimeInterval(0.001), actions: [action])
            .contains { $0.kind == .action }
    }

    static let snoozeSlotPrefix = "snooze@"

    /// The reminders that snoozes ask for, after `instant`.
    func snoozeOccurrences(after instant: Date) -> [Occurrence] {
        book.snoozes.compactMap { action, snooze in
            guard snooze.owed, snooze.until > instant else { return nil }
            return snoozeOccurrence(action: action, until: snooze.until)
        }
    }

    func snoozeOccurrence(action: String, until: Date) -> Occurrence {
        let time = calendar.time(of: until)
        return Occurrence(
            kind: .action, action: action, day: calendar.day(of: until), time: time, instant: until,
            isRepeat: true, slot: Engine.snoozeSlotPrefix + Engine.longTime(time))
    }

    static func longTime(_ time: LocalTime) -> String {
        time.second == 0 ? time.description + ":00" : time.description
    }
}
