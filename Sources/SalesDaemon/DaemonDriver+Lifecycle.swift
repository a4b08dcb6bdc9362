import Dispatch
import Foundation
import SalesControl
import SalesEngine

extension DaemonDriver {
    /// SIGTERM/SIGINT: tell systemd, say goodbye in the journal, close the socket, exit.
    /// Every acknowledged change is already durable, so there is nothing to flush.
    func stop(server: VarlinkServer, code: Int32) {
        try? service.stopping()
        announce(Announcement(kind: .stopping, message: "salesd stopping"), desktop: false, buttons: [])
        server.stop()
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
        let message = status.available
            ? "Desktop notifications available: \(status.server ?? "a notification server")"
            : "Desktop notifications unavailable: \(status.reason ?? "no notification server")"
        announce(Announcement(kind: .notifications, message: message,
                              priority: status.state == .unavailable ? .warning : .info),
                 desktop: false, buttons: [])
    }
}
