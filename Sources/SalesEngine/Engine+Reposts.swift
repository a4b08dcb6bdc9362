import Foundation
import SalesPlan
import SalesSchedule

extension Engine {
    /// Today's reminders that fired and are still open, to show on the desktop again after a
    /// restart: a notification's buttons answer only the connection that sent it, so the ones a
    /// stopped daemon left on screen are dead.
    ///
    /// Posting again is not a new firing: the caller shows these on the desktop only (no journal
    /// entry, no ledger row). Each action gets its latest reminder of today, with today's progress;
    /// an action done to its target, skipped, snoozed past `now`, or on a day off gets none.
    public func reposts(now: Date) -> [(announcement: Announcement, buttons: [NotificationButton])] {
        let today = calendar.day(of: now)
        guard !isOff(today) else { return [] }
        let fired = book.reminded.filter { $0.key.day == today && plan.action(id: $0.key.action) != nil }
        return fired.keys.map(\.action).sorted().compactMap { action in
            let at = fired[DayBook.Key(day: today, action: action)]!
            let occurrence = Occurrence(kind: .action, action: action, day: today, time: calendar.time(of: at), instant: at)
            guard !isMoot(occurrence) else { return nil }
            // Snoozed after it fired: the snooze's own reminder comes later.
            if let snooze = book.snoozes[action], snooze.until > now, snooze.from >= at { return nil }
            return (reminderAnnouncement(occurrence, latenessMs: 0), [.done, .snooze, .skip])
        }
    }
}
