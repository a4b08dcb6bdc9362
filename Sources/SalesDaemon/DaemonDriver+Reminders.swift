import Dispatch
import Foundation
import SalesEngine
import SalesLedger

extension DaemonDriver {
    static let firstRetryDelay = 1
    static let longestRetryDelay = 60

    /// Records a reminder, then announces it: never the other way round. When the write fails
    /// (ledger locked, disk full, file gone), nothing is announced and the write is retried, with
    /// a growing delay, until it succeeds; a restart in between finds it unrecorded and deals with
    /// it as a reminder it missed. Either way it fires at most once and is not lost.
    func fire(_ reminder: UnrecordedReminder) {
        let event = reminder.event
        writer.run({ ledger in try ledger.recordReminder(event) }) { [self] result in
            switch result {
            case .success(nil):
                return  // recorded before: it fires at most once
            case .success:
                if let announcement = reminder.announcement {
                    announce(announcement, desktop: true, buttons: reminder.buttons)
                }
            case .failure(let error):
                unrecorded.append(reminder)
                let what = event.kind == .missed ? "missed reminder" : "reminder"
                logger.error("""
                    cannot record \(what) \(event.action ?? "") \(event.day) \(event.slot ?? ""): \(error); \
                    not announcing it until it is recorded, retrying in \(retryDelay) s
                    """)
                scheduleRetry()
            }
        }
    }

    private func scheduleRetry() {
        guard retryTimer == nil else { return }
        let source = DispatchSource.makeTimerSource(queue: queue)
        source.schedule(deadline: .now() + .seconds(retryDelay))
        source.setEventHandler { [unowned self] in self.retryUnrecorded() }
        source.activate()
        retryTimer = source
    }

    private func retryUnrecorded() {
        retryTimer?.cancel()
        retryTimer = nil
        let pending = unrecorded
        unrecorded = []
        retryDelay = min(retryDelay * 2, Self.longestRetryDelay)
        for reminder in pending { fire(reminder) }
        // Runs after those writes (the writer keeps order): by then each is recorded or queued again.
        writer.run({ _ in }) { [self] _ in
            guard unrecorded.isEmpty else { return }
            retryDelay = Self.firstRetryDelay
            logger.notice("recorded \(pending.count) reminder(s) that could not be recorded before")
        }
    }
}
