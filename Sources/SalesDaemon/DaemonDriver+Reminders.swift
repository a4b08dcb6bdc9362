import Dispatch
import Foundation
import SalesEngine
import SalesLedger

extension DaemonDriver {
    static let firstRetryDelay = 1
    static let longestRetryDelay = 60

    /// A reminder the engine fired could not be recorded (ledger locked, disk full, file gone):
    /// nothing was announced, and the write is retried with a growing delay until it succeeds.
    /// A restart in between finds it unrecorded and deals with it as a reminder it missed.
    /// Either way it fires at most once and is not lost.
    func keepUnrecorded(_ reminder: UnrecordedReminder, _ error: any Error) {
        unrecorded.append(reminder)
        let event = reminder.event
        let what = event.kind == .missed ? "missed reminder" : "reminder"
        logger.error("""
            cannot record \(what) \(event.action ?? "") \(event.day) \(event.slot ?? ""): \(error); \
            not announcing it until it is recorded, retrying in \(retryDelay) s
            """)
        scheduleRetry()
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
        let interpreter = interpreter
        for reminder in pending {
            interpreter.record(reminder.event, announcing: reminder.announcement, buttons: reminder.buttons)
        }
        // Runs after those writes (the writer keeps order): by then each is recorded or kept again.
        writer.run({ _ in }) { [self] _ in
            guard unrecorded.isEmpty else { return }
            retryDelay = Self.firstRetryDelay
            logger.notice("recorded \(pending.count) reminder(s) that could not be recorded before")
        }
    }
}
