import Foundation
import SalesPlan
import SalesSchedule
import SalesScore

extension Engine {
    /// The ledger days a starting engine needs, given today: the backfill window and at least a
    /// week before it (for pace and the weekly review), and the days ahead (days off set early).
    public static func historyWindow(for plan: Plan, today: LocalDay) -> (from: LocalDay, through: LocalDay) {
        (today.adding(days: -historyDays(for: plan)), today.adding(days: 400))
    }

    /// An engine that picks up where a stopped daemon left off.
    ///
    /// What came due while it was stopped is still owed back to the start of the backfill
    /// window, but never from before the plan came into force; the ledger's records keep
    /// anything already fired from firing again.
    /// - Parameters:
    ///   - inForce: when the plan in force was first recorded.
    ///   - events: the ledger's events of ``historyWindow(for:today:)``.
    ///   - versions: the plan versions the ledger recorded.
    public static func restore(
        plan: Plan, calendar: ZoneCalendar, now: Date, planInForceSince inForce: Date, events: [Event],
        versions: [PlanVersion] = []
    ) -> Engine {
        let today = calendar.day(of: now)
        let windowStart = calendar.startOfDay(today.adding(days: -plan.backfillDays))
        return Engine(plan: plan, calendar: calendar, events: events, handledThrough: max(windowStart, inForce),
                      versions: versions)
    }

    /// `salesd 0.2.0 started: plan …, 7 actions, zone Europe/London`, for the journal at start.
    public func startedAnnouncement(version: String, config: String) -> Announcement {
        Announcement(kind: .started, message: "salesd \(version) started: plan \(config), \(plan.actions.count) actions, "
            + "zone \(plan.timeZone ?? calendar.timeZone.identifier)")
    }

    public static let stoppingAnnouncement = Announcement(kind: .stopping, message: "salesd stopping")

    /// The plan from `config` is in force now.
    public func reloadedAnnouncement(config: String, changed: Bool) -> Announcement {
        Announcement(kind: .reloaded, message: "Reloaded \(config): \(plan.actions.count) actions"
            + (changed ? "" : " (unchanged)"))
    }

    /// A reload found `errors` in `config`; the running plan stays.
    public static func reloadFailedAnnouncement(config: String, errors: [String]) -> Announcement {
        Announcement(kind: .reloadFailed, message: "Reload of \(config) failed with \(errors.count) "
            + "error\(errors.count == 1 ? "" : "s"); the running plan stays in force: " + errors.joined(separator: "; "),
            priority: .error)
    }

    /// The desktop's notification server appeared, changed or went away.
    public static func notificationsAnnouncement(_ status: NotifierStatus) -> Announcement {
        let message = status.available
            ? "Desktop notifications available: \(status.server ?? "a notification server")"
            : "Desktop notifications unavailable: \(status.reason ?? "no notification server")"
        return Announcement(kind: .notifications, message: message,
                            priority: status.state == .unavailable ? .warning : .info)
    }

    /// systemd's `STATUS=`: the next reminder, in the plan's local time.
    public func statusLine(now: Date) -> String { statusLine(next: nextReminder(after: now)) }

    /// The status line for `next`, the reminder ``nextReminder(after:)`` found.
    public func statusLine(next: Occurrence?) -> String {
        guard let next else { return "No reminders planned" }
        return "Next reminder: \(title(of: next)) at \(next.time) on \(next.day)"
    }
}
