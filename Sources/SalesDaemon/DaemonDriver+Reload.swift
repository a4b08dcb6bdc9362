import Foundation
import SalesContract
import SalesControl
import SalesEngine
import SalesLedger
import SalesPlan
import SalesSchedule
import SalesSystemd

extension DaemonDriver {
    /// Re-reads the config (SIGHUP, `ctl reload`, `systemctl reload`). A config with errors is
    /// never half loaded: the running plan stays in force and the caller gets every error.
    func reload(_ request: VarlinkRequest?) {
        try? service.reloading()
        defer { try? service.ready(status: statusLine()) }
        let source = ConfigSource.resolve(explicit: config.path == nil ? nil : config.path, environment: environment)
        let plan: Plan
        do {
            plan = try source.load()
        } catch {
            let lines = error.errors.map(\.description)
            announce(Engine.reloadFailedAnnouncement(config: source.description, errors: lines), desktop: false, buttons: [])
            let refusal = ControlError(
                .invalidConfig,
                message: "\(source) has \(lines.count) error\(lines.count == 1 ? "" : "s"); the running plan stays in force",
                hint: "fix \(lines.count == 1 ? "it" : "them") (check with: salesd check-config \(source)), then: salesd ctl reload",
                config: source.description, errors: lines)
            request?.fail(refusal.kind.qualifiedName, parameters: refusal)
            return
        }
        let changed = plan != engine.plan
        do {
            try Daemon.recordPlanIfChanged(plan, in: ledger, now: clock.now, calendar: calendar(for: plan))
        } catch {
            logger.error("cannot record the new plan version: \(error)")
            let refusal = ControlError(error)
            request?.fail(refusal.kind.qualifiedName, parameters: refusal)
            return
        }
        config = source
        if let desktop = notifier as? DesktopNotifier {
            desktop.settings = plan.notifications
            desktop.stepNames = Daemon.stepNames(plan)
        }
        perform(engine.replacePlan(plan, calendar: calendar(for: plan), now: clock.now))
        DisplayZone.shared.zone = engine.calendar.timeZone
        refreshCalendar(force: true)
        announce(engine.reloadedAnnouncement(config: source.description, changed: changed), desktop: false, buttons: [])
        request?.reply(ReloadCall.Reply(config: source.description, actions: plan.actions.count, changed: changed))
    }

    /// The plan's own zone, else the system's as it is now (re-read, not cached).
    func calendar(for plan: Plan) -> ZoneCalendar {
        Daemon.calendar(for: plan, environment: environment)
    }

    /// The system's zone as `Status` shows it: the one last read while the zone watcher runs
    /// (it tells of every change), else read afresh.
    var systemZone: TimeZone {
        watchedSystemZone ?? ZoneChangeWatcher.currentSystemZone(environment: environment)
    }

    /// The zone watcher runs from now on: the system's zone is read now and again on each change
    /// it tells of, not on every `Status` (each read is a readlink and a zone file).
    func systemZoneWatched() {
        watchedSystemZone = ZoneChangeWatcher.currentSystemZone(environment: environment)
    }

    /// The system zone changed: a plan without its own zone follows it.
    func systemZoneChanged() {
        if watchedSystemZone != nil { systemZoneWatched() }
        guard engine.plan.timeZone == nil else { return }
        let calendar = calendar(for: engine.plan)
        guard calendar.timeZone.identifier != engine.calendar.timeZone.identifier else { return }
        // replacePlan deals with what the change made due and re-arms: no extra wake needed.
        perform(engine.replacePlan(engine.plan, calendar: calendar, now: clock.now))
        DisplayZone.shared.zone = calendar.timeZone
        refreshCalendar(force: true)
        logger.notice("system time zone is now \(calendar.timeZone.identifier); rescheduled")
    }

    /// The wall clock jumped (timerfd cancelled, or a test moved its clock offset).
    func clockChanged() {
        clock.reload()
        wake()
        // Logged after the wake, so a reader of the journal sees its reminders before this line.
        logger.notice("wall clock changed; rescheduled")
    }
}
