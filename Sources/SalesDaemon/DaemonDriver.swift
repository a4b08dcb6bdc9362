import Dispatch
import Foundation
import Logging
import SalesContract
import SalesControl
import SalesEngine
import SalesLedger
import SalesPlan
import SalesSchedule
import SalesSystemd

/// Runs the engine on one serial queue and carries out its effects through the adapters:
/// the ledger first (durable), then the journal, `watch` clients and the desktop.
///
/// `@unchecked Sendable`: every stored property is read and written only on `queue`; Dispatch
/// handlers capture the driver and hop onto that queue before touching anything.
final class DaemonDriver: @unchecked Sendable {
    let queue: DispatchQueue
    let ledger: Ledger
    let journal: Journal
    let logger: Logger
    let service: ServiceNotifier
    var notifier: Notifier?
    var engine: Engine
    var config: ConfigSource
    var clock: DaemonClock
    let environment: [String: String]
    /// Clients streaming `Watch`.
    var watchers: [ObjectIdentifier: VarlinkRequest] = [:]
    var timer: WallTimer!
    let started: Date
    var socketPath: String
    var watchdog: DispatchSourceTimer?
    /// Reminders the engine fired whose ledger write failed, oldest first: each is announced
    /// only once it is recorded, so it fires at most once and is never silently dropped.
    var unrecorded: [UnrecordedReminder] = []
    var retryTimer: DispatchSourceTimer?
    var retryDelay = DaemonDriver.firstRetryDelay

    init(
        queue: DispatchQueue, ledger: Ledger, journal: Journal, logger: Logger, service: ServiceNotifier,
        engine: Engine, config: ConfigSource, clock: DaemonClock, environment: [String: String], socketPath: String
    ) {
        self.queue = queue
        self.ledger = ledger
        self.journal = journal
        self.logger = logger
        self.service = service
        self.engine = engine
        self.config = config
        self.clock = clock
        self.environment = environment
        self.socketPath = socketPath
        self.started = clock.now
        timer = WallTimer(queue: queue) { [unowned self] in self.wake() }
    }

    var wire: WireFormat { WireFormat(timeZone: engine.calendar.timeZone) }

    /// The timer fired, the clock jumped, the zone changed, or the day rolled over.
    func wake() {
        perform(engine.wake(now: clock.now))
    }

    func perform(_ effects: [EngineEffect]) {
        for effect in effects {
            switch effect {
            case .fire(let event, let announcement, let buttons):
                fire(UnrecordedReminder(event: event, announcement: announcement, buttons: buttons))
            case .recordMissed(let event):
                fire(UnrecordedReminder(event: event, announcement: nil, buttons: []))
            case .announce(let announcement, let desktop):
                announce(announcement, desktop: desktop, buttons: [])
            case .withdraw(let action):
                notifier?.withdraw(action: action)
            case .arm(let date):
                timer.arm(at: clock.realInstant(for: date))
                try? service.status(statusLine())
            }
        }
    }

    func announce(_ announcement: Announcement, desktop: Bool, buttons: [NotificationButton]) {
        journal.record(announcement)
        let payload = WatchCall.Reply(announcement: wire.announcement(announcement, at: clock.now))
        for (id, watcher) in watchers {
            if watcher.isOpen { watcher.send(payload, continues: true) }
            else { watchers[id] = nil }
        }
        if desktop, engine.plan.notifications.enabled { notifier?.show(announcement, buttons: buttons) }
    }

    /// Records a command durably, then lets the engine react. Returns the stored event and
    /// whether it was recorded now or, for a retried `request`, before.
    func execute(_ command: Command, source: String, request: String? = nil) throws -> (event: Event, outcome: Outcome) {
        // A retry is answered from the ledger before the engine judges it again: a retried undo
        // must not undo a second entry.
        if let request, let earlier = try ledger.event(forRequest: request) { return (earlier, .already) }
        let now = clock.now
        let event = try engine.prepare(command, now: now, source: source)
        let (stored, recorded) = try ledger.append(event, request: request)
        guard recorded else { return (stored, .already) }
        perform(engine.apply(stored, now: now))
        return (stored, .recorded)
    }

    /// `STATUS=` for systemd: the next reminder, in the plan's local time.
    func statusLine() -> String {
        guard let next = engine.nextReminder(after: clock.now) else { return "No reminders planned" }
        return "Next reminder: \(engine.title(of: next)) at \(next.time) on \(next.day)"
    }

    func buttonPressed(_ press: ButtonPress) {
        let command: Command = switch press.button {
        case .done: .done(action: press.action, count: 1, note: nil, day: nil)
        case .snooze: .snooze(action: press.action, duration: nil)
        case .skip: .skip(action: press.action, reason: "skipped from the notification")
        }
        do { _ = try execute(command, source: "notification") } catch {
            logger.warning("notification button \(press.button.rawValue) for \(press.action): \(error), ignoring")
        }
    }
}
