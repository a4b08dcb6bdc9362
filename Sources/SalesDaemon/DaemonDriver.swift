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
/// the ledger first (durable, written on a queue of its own so a slow write never stalls the
/// answers), then the journal, `watch` clients and the desktop.
///
/// `@unchecked Sendable`: every stored property is read and written only on `queue`; Dispatch
/// handlers capture the driver and hop onto that queue before touching anything.
final class DaemonDriver: @unchecked Sendable, Announcer, WakeTimer {
    let queue: DispatchQueue
    let ledger: Ledger
    let writer: LedgerWriter
    let journal: Journal
    let logger: Logger
    let service: any ServiceManager
    var notifier: Notifier?
    var engine: Engine {
        didSet { statusMemo = StatusMemo() }
    }
    /// What `Status` shows of the engine as it is now.
    var statusMemo = StatusMemo()
    var config: ConfigSource
    var clock: DaemonClock
    let environment: [String: String]
    /// Clients streaming `Watch`.
    var watchers: [ObjectIdentifier: VarlinkRequest] = [:]
    /// The one wall-clock timer (a `WallTimer`; a manual one in tests).
    var timer: (any WakeTimer)!
    let started: Date
    var socketPath: String
    var watchdog: DispatchSourceTimer?
    /// Reminders the engine fired whose ledger write failed, oldest first: each is announced
    /// only once it is recorded, so it fires at most once and is never silently dropped.
    var unrecorded: [UnrecordedReminder] = []
    var retryTimer: DispatchSourceTimer?
    var retryDelay = DaemonDriver.firstRetryDelay
    /// Commands waiting for the one being recorded, oldest first.
    var pendingCommands: [PendingCommand] = []
    var commandInFlight = false
    /// Where the daemon keeps the calendar feed current (nil: nowhere), and the local day it was
    /// last written on.
    var calendarFile: URL?
    var calendarDay: LocalDay?
    /// The system's zone while the zone watcher runs; nil when it does not (``systemZone``).
    var watchedSystemZone: TimeZone?
    /// The ledger's plan versions, parsed once each for the scoreboard.
    var planVersions = PlanVersionCache()
    /// Announcements on their way to the journal, `watch` clients and the desktop, in order.
    lazy var outbox: AnnouncementOutbox = AnnouncementOutbox(
        slice: Self.announcementSlice, later: { [unowned self] in queue.async { self.outbox.resume() } }
    ) { [unowned self] item in tell(item) }

    /// Most announcements told in one turn of the queue: a minute when thousands of reminders
    /// fire tells them in slices of a few milliseconds, and control calls are answered between.
    static let announcementSlice = 50
    /// Most actions whose due reminders a wake deals with in one turn of the queue (each slice
    /// is one ledger transaction): 2,000 reminders due in the same minute take 8 turns of a few
    /// milliseconds each, and control calls are answered between them.
    static let wakeSlice = 250
    /// A turn of the queue to continue the engine's wake is queued.
    var wakeContinues = false

    init(
        queue: DispatchQueue, ledger: Ledger, journal: Journal, logger: Logger, service: any ServiceManager,
        engine: Engine, config: ConfigSource, clock: DaemonClock, environment: [String: String], socketPath: String,
        timer: (any WakeTimer)? = nil
    ) {
        self.queue = queue
        self.ledger = ledger
        self.writer = LedgerWriter(ledger: ledger, home: queue)
        self.journal = journal
        self.logger = logger
        self.service = service
        self.engine = engine
        self.config = config
        self.clock = clock
        self.environment = environment
        self.socketPath = socketPath
        self.started = clock.now
        self.timer = timer ?? WallTimer(queue: queue) { [unowned self] in self.wake() }
    }

    var wire: WireFormat { WireFormat(timeZone: engine.calendar.timeZone) }

    /// The timer fired, the clock jumped, the zone changed, or the day rolled over.
    func wake() {
        perform(engine.wake(now: clock.now, slice: Self.wakeSlice))
        continueWakeLater()
        refreshCalendar(force: false)
    }

    /// Deals with the rest of the engine's wake a slice per turn of the queue, behind what
    /// waits there now; commands wait until it is done, so they are recorded after its reminders.
    private func continueWakeLater() {
        guard engine.isWaking else { return startNextCommand() }
        guard !wakeContinues else { return }
        wakeContinues = true
        queue.async { [self] in
            wakeContinues = false
            // A slice records reminders that came due before the wake's instant: the next
            // reminder after it and today's progress stay what `Status` worked out already.
            let memo = statusMemo
            let effects = engine.continueWake()
            statusMemo = memo
            perform(effects)
            continueWakeLater()
        }
    }

    func perform(_ effects: [EngineEffect]) {
        interpreter.perform(effects)
    }

    /// The engine's effects carried out through the real ports: the ledger (on its own queue),
    /// this driver's timer, and this driver as the announcer.
    var interpreter: EffectInterpreter {
        EffectInterpreter(ledger: QueuedReminderLedger(writer: writer), timer: self, announcer: self) {
            [unowned self] event, announcement, buttons, error in
            keepUnrecorded(UnrecordedReminder(event: event, announcement: announcement, buttons: buttons), error)
        }
    }

    /// The single wall-clock timer, at the real instant the daemon's clock shows `date`; systemd
    /// hears what fires next.
    func arm(at date: Date) {
        timer.arm(at: clock.realInstant(for: date))
        try? service.status(statusLine())
    }

    func withdraw(action: String) {
        outbox.withdraw(action: action)
    }

    /// Tells `announcement` after every one before it (through ``outbox``).
    func announce(_ announcement: Announcement, desktop: Bool, buttons: [NotificationButton]) {
        outbox.announce(announcement, desktop: desktop, buttons: buttons)
    }

    private func tell(_ item: AnnouncementOutbox.Item) {
        switch item {
        case .announce(let announcement, let desktop, let buttons):
            journal.record(announcement)
            if !watchers.isEmpty {
                let payload = WatchCall.Reply(announcement: wire.announcement(announcement, at: clock.now))
                for (id, watcher) in watchers {
                    if watcher.isOpen { watcher.send(payload, continues: true) }
                    else { watchers[id] = nil }
                }
            }
            if desktop, engine.plan.notifications.enabled { notifier?.show(announcement, buttons: buttons) }
        case .withdraw(let action):
            notifier?.withdraw(action: action)
        }
    }

    /// Queues a command to be judged by the engine and recorded durably, after every command
    /// before it; `completion` gets the stored event and whether it was recorded now or, for a
    /// retried request key, before.
    func submit(_ pending: PendingCommand) {
        pendingCommands.append(pending)
        startNextCommand()
    }

    private func startNextCommand() {
        guard !commandInFlight, !engine.isWaking, !pendingCommands.isEmpty else { return }
        let next = pendingCommands.removeFirst()
        // Its client gave up while it waited: it reported the outcome unknown and retries with the key.
        if next.isAbandoned() {
            logger.notice("a \(next.source) request was abandoned by its client before it started; nothing recorded")
            return startNextCommand()
        }
        commandInFlight = true
        guard let request = next.request else { return record(next) }
        // A retry is answered from the ledger before the engine judges it again: a retried undo
        // must not undo a second entry.
        writer.run({ ledger in try ledger.event(forRequest: request) }) { [self] result in
            switch result {
            case .success(let earlier?): finish(next, .success((earlier, .already)))
            case .success(nil): record(next)
            case .failure(let error): finish(next, .failure(error))
            }
        }
    }

    private func record(_ pending: PendingCommand) {
        let now = clock.now
        let event: Event
        do {
            event = try engine.prepare(pending.command, now: now, source: pending.source)
            // A skip or day off already in force records nothing and says so.
            if try engine.repeatsWhatIsInForce(pending.command, now: now) {
                return finish(pending, .success((event, .already)))
            }
        } catch CommandError.nothingToSnooze {
            // Not a refusal: the snooze had nothing to postpone, so nothing is recorded, and the
            // answer says so with the snooze that was asked for (unrecorded, without an id).
            guard case .snooze(let action, let duration) = pending.command else { return }
            let until = now.addingTimeInterval((duration ?? engine.plan.snooze).timeInterval)
            let asked = Event(kind: .snooze, at: now, day: engine.calendar.day(of: now), action: action, until: until,
                              source: pending.source)
            return finish(pending, .success((asked, .nothing)))
        } catch {
            return finish(pending, .failure(error))
        }
        let request = pending.request
        if case .daysOff = pending.command { return recordVacation(pending, now: now) }
        writer.run({ ledger in try ledger.append(event, request: request) }) { [self] result in
            switch result {
            case .success(let (stored, recorded)):
                if recorded { perform(engine.apply(stored, now: now)) }
                if recorded, [.dayOff, .undo].contains(stored.kind) { refreshCalendar(force: true) }
                finish(pending, .success((stored, recorded ? .recorded : .already)))
            case .failure(let error):
                finish(pending, .failure(error))
            }
        }
    }

    /// A vacation: one day-off event per day not off already, in one transaction, so it is
    /// recorded whole or not at all; the answer names the first day recorded.
    private func recordVacation(_ pending: PendingCommand, now: Date) {
        let events: [Event]
        do {
            events = try engine.vacationEvents(pending.command, now: now, source: pending.source)
        } catch {
            return finish(pending, .failure(error))
        }
        let request = pending.request
        writer.run({ ledger in try ledger.append(events, request: request) }) { [self] result in
            switch result {
            case .success(let (stored, recorded)):
                if recorded {
                    for event in stored { perform(engine.apply(event, now: now)) }
                    refreshCalendar(force: true)
                }
                finish(pending, .success((stored[0], recorded ? .recorded : .already)))
            case .failure(let error):
                finish(pending, .failure(error))
            }
        }
    }

    private func finish(_ pending: PendingCommand, _ result: Result<(event: Event, outcome: Outcome), any Error>) {
        commandInFlight = false
        pending.completion(result)
        startNextCommand()
    }

    /// `STATUS=` for systemd: the next reminder, in the plan's local time.
    func statusLine() -> String { engine.statusLine(next: nextReminder(after: clock.now)) }

    /// The engine's next reminder after `now`, worked out once per state of the engine.
    func nextReminder(after now: Date) -> Occurrence? {
        statusMemo.nextReminder(after: now) { engine.nextReminder(after: $0) }
    }

    func buttonPressed(_ press: ButtonPress) {
        if press.button == .touch {
            guard let person = press.person else { return }
            return touchFromNotification(person)
        }
        let command: Command = switch press.button {
        case .done: .done(action: press.action, count: 1, note: nil, day: nil)
        case .snooze: .snooze(action: press.action, duration: nil)
        case .skip: .skip(action: press.action, reason: "skipped from the notification")
        case .touch: .done(action: press.action, count: 1, note: nil, day: nil)  // handled above
        }
        submit(PendingCommand(command: command, source: "notification") { [logger] result in
            if case .failure(let error) = result {
                logger.warning("notification button \(press.button.rawValue) for \(press.action): \(error), ignoring")
            }
        })
    }
}
