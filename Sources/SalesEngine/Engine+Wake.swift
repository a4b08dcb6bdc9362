import Foundation
import SalesPlan
import SalesSchedule

extension Engine {
    /// Deals with every occurrence due since the last wake, then says when to wake next.
    ///
    /// Within the grace window a due reminder fires (marked late when it is). Beyond it, the
    /// still-undone reminders of today are gathered into one "missed" announcement and earlier
    /// days' are only recorded as missed. A clock that went backwards re-fires nothing.
    ///
    /// With `slice`, a wake deals with the due reminders of at most `slice` actions of one
    /// local day at a time: the days in order, each day's actions in id order. While
    /// ``isWaking``, ``continueWake()`` deals with the next ones, and the last slice says when
    /// to wake next. The effects of all the slices are those of the wake done at once.
    public mutating func wake(now: Date, slice: Int? = nil) -> [EngineEffect] {
        var effects = finishWake()
        guard now > handledThrough else { return effects + endWake(now: now) }
        var due = dueWake(from: handledThrough, through: now, slice: slice ?? .max)
        handledThrough = now
        effects += slice == nil ? handleAll(&due) : handle(&due)
        guard due.isFinished else {
            dueWake = due
            return effects
        }
        return effects + endWake(now: now)
    }

    /// A wake has reminders left to deal with (see ``wake(now:slice:)``).
    public var isWaking: Bool { dueWake != nil }

    /// Deals with the next slice of the wake in progress; nothing when there is none.
    public mutating func continueWake() -> [EngineEffect] {
        guard var due = dueWake else { return [] }
        dueWake = nil
        let effects = handle(&due)
        guard due.isFinished else {
            dueWake = due
            return effects
        }
        return effects + endWake(now: due.now)
    }

    /// Deals with every slice left of the wake in progress, at once (before anything else
    /// changes the engine, so that what came due is decided as if the wake had been done at once).
    mutating func finishWake() -> [EngineEffect] {
        var effects: [EngineEffect] = []
        while isWaking { effects += continueWake() }
        return effects
    }

    private mutating func endWake(now: Date) -> [EngineEffect] {
        let oldest = calendar.day(of: now).adding(days: -historyDays)
        book.prune(before: oldest)
        recent.removeAll { $0.day < oldest }
        return [.arm(nextWake(after: handledThrough))]
    }

    mutating func handleDue(from start: Date, through now: Date) -> [EngineEffect] {
        var due = dueWake(from: start, through: now, slice: .max)
        return handleAll(&due)
    }

    private mutating func handleAll(_ due: inout DueWake) -> [EngineEffect] {
        var effects = handle(&due)
        while !due.isFinished { effects += handle(&due) }
        return effects
    }

    private func dueWake(from start: Date, through now: Date, slice: Int) -> DueWake {
        let snoozed = book.snoozes.compactMap { action, snooze in
            snooze.owed && snooze.until > start && snooze.until <= now ? snoozeOccurrence(action: action, until: snooze.until) : nil
        }
        let extra = snoozed + followUpOccurrences(from: start, through: now)
        let extraActions = Set(extra.map(\.action))
        let actions = (schedule.actionIDs.filter { !extraActions.contains($0) } + extraActions).sorted()
        return DueWake(start: start, now: now, calendar: calendar, actions: actions, slice: slice, extra: extra)
    }

    /// Deals with the next slice of `due`: what is due of its actions on its day, in action
    /// order; after the last slice, the "missed" announcement of what was gathered.
    private mutating func handle(_ due: inout DueWake) -> [EngineEffect] {
        let now = due.now
        let grace = plan.grace.timeInterval
        let today = calendar.day(of: now)
        let actions = due.nextSlice()
        let bounds = due.queryBounds(calendar)
        let scheduled = schedule.occurrences(from: bounds.from, to: bounds.to, actions: Array(actions), skipping: isMootAllDay)
        let inSlice = actions.isEmpty ? nil : actions.first!...actions.last!
        // One decision per (action, day): the latest occurrence stands for the earlier ones. Read
        // one occurrence at a time, keeping per (action, day) only the latest and the earlier
        // planned times (each recorded missed); an earlier repeat needs no record of its own.
        var groups: [DayBook.Key: (latest: Occurrence, earlier: [Occurrence])] = [:]
        func consider(_ occurrence: Occurrence) {
            // A snooze can outlive its action (a reload or an import without it): nothing to remind then.
            guard !book.isRecorded(occurrence), !isMoot(occurrence),
                  occurrence.kind != .action || plan.action(id: occurrence.action) != nil else { return }
            let key = DayBook.Key(day: occurrence.day, action: occurrence.action)
            guard var group = groups[key] else {
                groups[key] = (occurrence, [])
                return
            }
            var (earlier, later) = (group.latest, occurrence)
            if later < earlier { swap(&earlier, &later) }
            group.latest = later
            if !isSupersededRepeat(earlier, by: later) { group.earlier.append(earlier) }
            groups[key] = group
        }
        for occurrence in scheduled where due.isOfCurrentDay(occurrence) { consider(occurrence) }
        for occurrence in due.extra where inSlice?.contains(occurrence.action) == true && due.isOfCurrentDay(occurrence) {
            consider(occurrence)
        }

        var effects: [EngineEffect] = []
        for key in groups.keys.sorted(by: { ($0.day, $0.action) < ($1.day, $1.action) }) {
            let (latest, earlier) = groups[key]!
            for occurrence in earlier.sorted() { effects.append(.recordMissed(recordMissed(occurrence, now: now))) }
            if now.timeIntervalSince(latest.instant) <= grace || lateMorningPromptStillHelps(latest, today: today, now: now) {
                effects.append(fire(latest, now: now))
            } else {
                effects.append(.recordMissed(recordMissed(latest, now: now)))
                if latest.day == today, latest.kind == .action { due.gathered.append(latest) }
            }
        }
        if due.isFinished, !due.gathered.isEmpty {
            effects.append(.announce(missedAnnouncement(due.gathered, today: today), desktop: true))
        }
        return effects
    }

    /// A repeat of the plan (not a snooze's end) that a later planned or repeat time of the same
    /// day stands for: the later one's record covers it (``DayBook/isRecorded(_:)``).
    private func isSupersededRepeat(_ earlier: Occurrence, by later: Occurrence) -> Bool {
        let isPlanTime = { (occurrence: Occurrence) in !occurrence.slot.hasPrefix(Engine.snoozeSlotPrefix) }
        return earlier.isRepeat && isPlanTime(earlier) && isPlanTime(later)
    }

    private mutating func recordMissed(_ occurrence: Occurrence, now: Date) -> Event {
        let event = reminderEvent(.missed, occurrence, now: now)
        book.apply(event)
        return event
    }

    private mutating func fire(_ occurrence: Occurrence, now: Date) -> EngineEffect {
        let event = reminderEvent(.reminder, occurrence, now: now)
        book.apply(event)
        let announcement: Announcement
        var buttons: [NotificationButton] = []
        switch occurrence.kind {
        case .action:
            announcement = reminderAnnouncement(occurrence, latenessMs: event.latenessMs ?? 0)
            buttons = [.done, .snooze, .skip]
        case .morning:
            announcement = morningAnnouncement(occurrence, now: now, latenessMs: event.latenessMs ?? 0)
            if announcement.action != nil { buttons = [.done] }
        case .review:
            announcement = reviewAnnouncement(occurrence, now: now, latenessMs: event.latenessMs ?? 0)
        case .followUps:
            announcement = followUpsAnnouncement(occurrence, latenessMs: event.latenessMs ?? 0)
            if announcement.person != nil { buttons = [.touch] }
        }
        return .fire(event, announcement, buttons: buttons)
    }

    private func reminderEvent(_ kind: Event.Kind, _ occurrence: Occurrence, now: Date) -> Event {
        Event(
            kind: kind, at: now, day: occurrence.day, action: occurrence.action, slot: occurrence.slot,
            scheduled: occurrence.instant,
            latenessMs: max(0, Int((now.timeIntervalSince(occurrence.instant) * 1000).rounded())),
            source: "daemon")
    }

    /// Lateness above this is reported as late; below it is timer jitter.
    static let lateThresholdMs = 1000
}
