import SalesEngine

extension DaemonDriver {
    /// Shows today's still-open reminders again at start, on the desktop only: the buttons of
    /// the notifications a stopped daemon left behind answer nobody now. No journal entry, no
    /// `watch` event and no ledger row: this is not a new firing.
    func repostOpenReminders() {
        guard engine.plan.notifications.enabled, let notifier else { return }
        for (announcement, buttons) in engine.reposts(now: clock.now) {
            notifier.show(announcement, buttons: buttons)
        }
    }
}
