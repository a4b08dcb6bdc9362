import Foundation
import SalesPlan
import SalesSchedule

extension Engine {
    /// Deals with every occurrence due since the last wake, then says when to wake next.
    ///
    /// Within the grace window a due reminder fires (marked late when it is). Beyond it, the
    /// still-undone reminders of today are gathered into one "missed" announcement and earlier
    /// days' are only recorded as missed. A clock that went backwards re-fires nothing.
    public mutating func wake(now: Date) -> [EngineEffect] {
        var effects: [EngineEffect] = []
        if now > handledThrough {
            effects = handleDue(from: handledThrough, through: now)
            handledThrough = now
        }
        let oldest = calendar.day(of: now).adding(days: -historyDays)
        book.prune(before: oldest)
        recent.removeAll { $0.day < oldest }
        effects.append(.arm(nextWake(after: handledThrough)))
        return effects
    }

    mutating func handleDue(from start: Date, through now: Date) -> [EngineEffect] {
        let grace = plan.grace.timeInterval
        let today = calendar.day(of: now)
        let scheduled = schedule.occurrences(
            from: start.addingTimeInterval(0.001), to: now.addingTimeInterval(0.001), skipping: isMootAllDay)
        let snoozed = book.snoozes.compactMap { action, snooze in
            snooze.owed && snooze.until > start && snooze.until <= now ? snoozeOccurrence(action: action, until: snooze.until) : nil
        }
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
        for occurrence in scheduled { consider(occurrence) }
        for occurrence in snoozed { consider(occurrence) }
        for occurrence in followUpOccurrences(from: start, through: now) { consider(occurrence) }

        var effects: [EngineEffect] = []
        var gathered: [Occurrence] = []
        for key in groups.keys.sorted(by: { ($0.day, $0.action) < ($1.day, $1.action) }) {
            let (latest, earlier) = groups[key]!
            for occurrence in earlier.sorted() { effects.append(.recordMissed(recordMissed(occurrence, now: now))) }
            if now.timeIntervalSince(latest.instant) <= grace || lateMorningPromptStillHelps(latest, today: today, now: now) {
                effects.append(fire(latest, now: now))
            } else {
                effects.append(.recordMissed(recordMissed(latest, now: now)))
                if latest.day == today, latest.kind == .action { gathered.append(latest) }
            }
        }
        if !gathered.isEmpty { effects.append(.announce(missedAnnouncement(gathered, today: today), desktop: true)) }
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
