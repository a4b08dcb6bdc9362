import Dispatch
import Foundation
import Logging
import SalesContract
import SalesControl
import SalesEngine
import SalesLedger
import SalesPlan
import SalesSchedule
import SalesScore
import SalesSystemd

/// The long-running `salesd run` process.
public enum Daemon {
    /// Starts the daemon and never returns while it runs; returns an exit code when start fails.
    ///
    /// Start-up, in order: 1. load and validate the plan (refuse to start on errors); 2. open the
    /// ledger and record the plan version; 3. take or bind the control socket; 4. wire signals,
    /// clock and zone watchers; 5. deal with what was missed while stopped, arm the timer, and
    /// tell systemd we are ready.
    public static func run(options: DaemonOptions) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let selection = JournalSelection(environment: environment)
        LoggingSystem.bootstrap { selection.makeLogHandler(label: $0) }
        let logger = Logger(label: "salesd")
        let queue = DispatchQueue(label: "salesd.daemon")
        let clock = DaemonClock(environment: environment)

        // 1. The plan.
        let config = ConfigSource.resolve(explicit: options.configPath, environment: environment)
        let plan: Plan
        do {
            plan = try config.load()
        } catch {
            fail("salesd: \(config) is not a valid plan:\n" + error.errors.map { "  \($0)" }.joined(separator: "\n")
                + "\nFix it (check with `salesd check-config \(config.path ?? "")`) and start again.")
            return 78  // EX_CONFIG
        }
        if plan.timeZone == nil, let problem = ZoneChangeWatcher.unknownZoneProblem(environment: environment) {
            fail("salesd: \(problem)")
            return 78  // EX_CONFIG
        }
        let calendar = calendar(for: plan, environment: environment)

        // 2. The ledger: this daemon's alone (a lock on its folder), sound, never silently new.
        let state: StateFolder
        let ledger: Ledger
        let events: [Event]
        let planInForce: Date
        do {
            let directory = options.stateDirectory.map { URL(fileURLWithPath: $0) }
                ?? Ledger.defaultDirectory(environment: environment)
            let legacy = options.stateDirectory == nil ? Ledger.legacyDirectory(environment: environment) : nil
            state = try StateFolder.take(
                directory, role: "salesd run", legacy: legacy, newLedger: options.newLedger, now: clock.now)
            for note in state.notes { logger.notice("ledger: \(note)") }
            ledger = state.ledger
            let now = clock.now
            let inForce = try recordPlanIfChanged(plan, in: ledger, now: now, calendar: calendar)
            let window = Engine.historyWindow(for: plan, today: calendar.day(of: now))
            events = try ledger.eventsForRestart(from: window.from, through: window.through)
            planInForce = inForce
        } catch {
            fail("salesd: \(error)")
            return 73  // EX_CANTCREAT
        }

        // 3. The control socket.
        let socketPath = options.socketPath ?? defaultSocketPath(environment: environment)
        let journal = selection.makeJournal(zone: calendar.timeZone)
        let versions = (try? ledger.plans()).map { PlanVersion.fromLedger($0) { try? Plan.parse(Data($0.utf8)) } } ?? []
        let engine = Engine.restore(
            plan: plan, calendar: calendar, now: clock.now, planInForceSince: planInForce, events: events,
            versions: versions)
        let driver = DaemonDriver(
            queue: queue, ledger: ledger, journal: journal, logger: logger, service: ServiceNotifier(),
            engine: engine, config: config, clock: clock, environment: environment, socketPath: socketPath)
        let server = VarlinkServer(
            queue: queue,
            service: VarlinkServiceInfo(
                vendor: "salesd", product: "salesd", version: SalesdVersion.current,
                url: "https://github.com/salesd/salesd",
                interfaces: [(ControlInterface.name, ControlInterface.description)])
        ) { request in driver.handle(request) }
        driver.calendarFile = state.directory.appendingPathComponent(calendarFileName)
        server.onDiagnostic = { note in logger.notice("control socket: \(note)") }
        server.busyError = ControlError.Kind.busy.qualifiedName
        let listening: Result<Void, any Error> = queue.sync {
            Result {
                let activated = options.socketPath == nil ? try SocketActivation.listeningSockets() : []
                if let fd = activated.first {
                    driver.socketPath = "socket-activated fd \(fd)"
                    try server.start(listeningFD: fd)
                } else {
                    try server.start(path: socketPath)
                }
            }
        }
        if case .failure(let error) = listening {
            fail("salesd: \(error)")
            return 69  // EX_UNAVAILABLE
        }

        // 4. Signals, clock and zone changes, the desktop.
        var keep: [Any] = []
        keep.append(signalSource(SIGTERM, queue: queue) { driver.stop(server: server, code: 0) })
        keep.append(signalSource(SIGINT, queue: queue) { driver.stop(server: server, code: 0) })
        keep.append(signalSource(SIGHUP, queue: queue) { driver.reload(nil) })
        keep.append(signalSource(SIGUSR2, queue: queue) { driver.clockChanged() })
        if environment["SALESD_TEST_WEDGE_ON_SIGUSR1"] == "1" {
            // Test-only: wedge the queue so the watchdog test can see systemd restart us.
            keep.append(signalSource(SIGUSR1, queue: queue) { while true { sleep(3600) } })
        }
        do {
            keep.append(try ClockChangeWatcher(queue: queue) { driver.clockChanged() })
            keep.append(try ZoneChangeWatcher(queue: queue) { driver.systemZoneChanged() })
            queue.sync { driver.systemZoneWatched() }
        } catch {
            logger.warning("cannot watch for clock or zone changes: \(error), ignoring")
        }
        queue.sync {
            if plan.notifications.enabled, environment["SALESD_NO_DESKTOP"] == nil {
                let notifier = DesktopNotifier(
                    queue: queue, settings: plan.notifications,
                    stepNames: stepNames(plan),
                    logger: Logger(label: "salesd.notifications"))
                notifier.onButton = { press in queue.async { driver.buttonPressed(press) } }
                notifier.onStatusChange = { status in driver.notifierChanged(status) }
                driver.notifier = notifier
            }
            driver.startWatchdog()

            do {
                driver.engine.setPeople(PersonBook(try ledger.personEvents()))
            } catch {
                logger.warning("cannot read the people from the ledger: \(error); the morning prompt leaves them out, ignoring")
            }
            // 5. Catch up, arm, and say we are ready.
            driver.announce(engine.startedAnnouncement(version: SalesdVersion.current, config: config.description),
                            desktop: false, buttons: [])
            // Before the catch-up: a reminder it fires replaces the one posted again.
            driver.repostOpenReminders()
            driver.wake()
            let status = driver.statusLine()
            try? driver.service.ready(status: status)
            FileHandle.standardError.write(Data(
                "salesd: listening on \(driver.socketPath)\nsalesd: plan \(config); \(status)\n".utf8))
        }
        withExtendedLifetime((keep, state)) { dispatchMain() }
    }

    /// The feed the daemon keeps current in its ledger folder, and how many weeks it covers.
    public static let calendarFileName = "calendar.ics"
    public static let calendarWeeks = 6

    /// The plan's zone when it names one, else the system's (honouring `TZ`).
    public static func calendar(for plan: Plan, environment: [String: String]) -> ZoneCalendar {
        if let name = plan.timeZone, let zone = TimeZone(identifier: name) { return ZoneCalendar(timeZone: zone) }
        return ZoneCalendar(timeZone: ZoneChangeWatcher.currentSystemZone(environment: environment))
    }

    /// Records `plan` as a new version when it differs from the last one; returns since when the
    /// plan in force has been in force.
    @discardableResult
    static func recordPlanIfChanged(_ plan: Plan, in ledger: Ledger, now: Date, calendar: ZoneCalendar)
        throws(LedgerError) -> Date
    {
        let json = plan.canonicalJSON()
        if let latest = try ledger.latestPlan(), latest.payload == json { return latest.at }
        _ = try ledger.append(Event(kind: .plan, at: now, day: calendar.day(of: now), source: "daemon", payload: json))
        return now
    }

    static func stepNames(_ plan: Plan) -> [String: String] {
        Dictionary(plan.steps.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    public static func defaultSocketPath(environment: [String: String], uid: UInt32 = getuid()) -> String {
        ControlSocket.defaultPath(runtimeDirectory: environment["XDG_RUNTIME_DIR"], uid: uid)
    }

    static func fail(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    private static func signalSource(_ signo: Int32, queue: DispatchQueue, _ handler: @escaping @Sendable () -> Void)
        -> DispatchSourceSignal
    {
        signal(signo, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signo, queue: queue)
        source.setEventHandler(handler: handler)
        source.activate()
        return source
    }
}
