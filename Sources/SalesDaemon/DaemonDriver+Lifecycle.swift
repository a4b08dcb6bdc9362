import Dispatch
import Foundation
import SalesControl
import SalesEngine

extension DaemonDriver {
    /// SIGTERM/SIGINT: tell systemd, say goodbye in the journal, close the socket, fold the
    /// write-ahead log into the ledger file, exit.
    ///
    /// Every acknowledged change is already durable; the checkpoint is so that `ledger.sqlite`
    /// alone holds everything once the daemon is stopped (a copy of that one file is complete).
    func stop(server: VarlinkServer, code: Int32) {
        try? service.stopping()
        announce(Engine.stoppingAnnouncement, desktop: false, buttons: [])
        // What is still waiting its turn in the outbox is told before the daemon exits.
        outbox.flush()
        server.stop()
        // Writes already queued finish first: each is durable, answered or not.
        writer.drain()
        if engine.isWaking {
            // Nothing of the actions left is recorded or announced: the catch-up owes them all.
            logger.notice("stopping before every reminder due now was dealt with; the next start deals with the rest")
        }
        if !unrecorded.isEmpty {
            let names = unrecorded.map { "\($0.event.action ?? "") \($0.event.day) \($0.event.slot ?? "")" }
            logger.warning("""
                stopping with \(unrecorded.count) reminder(s) not recorded and not announced \
                (\(names.joined(separator: ", "))); the next start treats them as due and not yet fired
                """)
        }
        do {
            try ledger.checkpoint()
        } catch {
            logger.warning("cannot checkpoint the ledger on stop: \(error), ignoring (the data is safe in its -wal file)")
        }
        exit(code)
    }

    /// Pings systemd's watchdog from the daemon's own queue, so a wedged queue is noticed.
    func startWatchdog() {
        guard let interval = service.watchdogInterval else { return }
        let source = DispatchSource.makeTimerSource(queue: queue)
        let half = interval / 2
        let ms = Int(half.components.seconds * 1000 + half.components.attoseconds / 1_000_000_000_000_000)
        source.schedule(deadline: .now(), repeating: .milliseconds(max(ms, 1)))
        source.setEventHandler { [unowned self] in try? self.service.watchdogPing() }
        source.activate()
        watchdog = source
    }

    func notifierChanged(_ status: NotifierStatus) {
        announce(Engine.notificationsAnnouncement(status), desktop: false, buttons: [])
    }
}
