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
        var due = schedule.occurrences(from: start.addingTimeInterval(0.001), to: now.addingTimeInterval(0.001))
        due += book.snoozes.compactMap { action, snooze in
            snooze.owed && snooze.until > start && snooze.until <= now ? snoozeOccurrence(action: action, until: snooze.until) : nil
        }
        due += followUpOccurrences(from: start, through: now)
        // A snooze can outlive its action (a reload or an import without it): nothing to remind then.
        let pending = due.filter {
            !book.isRecorded($0.action, $0.day, $0.slot) && !isMoot($0)
                && ($0.kind != .action || plan.action(id: $0.action) != nil)
        }

        var effects: [EngineEffect] = []
        var gathered: [Occurrence] = []
        // One decision per (action, day): the latest occurrence stands for the earlier ones.
        let groups = Dictionary(grouping: pending) { DayBook.Key(day: $0.day, action: $0.action) }
        for key in groups.keys.sorted(by: { ($0.day, $0.action) < ($1.day, $1.action) }) {
            let occurrences = groups[key]!.sorted()
            let latest = occurrences.last!
            for earlier in occurrences.dropLast() { effects.append(.recordMissed(recordMissed(earlier, now: now))) }
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
