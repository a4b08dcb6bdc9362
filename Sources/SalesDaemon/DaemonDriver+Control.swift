import Foundation
import SalesContract
import SalesControl
import SalesEngine
import SalesLedger
import SalesPlan
import SalesScore
import SalesSystemd

extension DaemonDriver {
    /// Answers one Varlink call of `io.salesd.Control` (on the queue): decodes its typed
    /// parameters, runs it, and replies with its typed reply or a ``ControlError``.
    func handle(_ request: VarlinkRequest) {
        guard let method = ControlMethod(rawValue: request.methodName) else {
            return request.fail(VarlinkService.methodNotFound, ["method": request.method])
        }
        switch method {
        case .status: answer(request, StatusCall.self) { _, now in status(now: now) }
        case .today: answer(request, TodayCall.self, today)
        case .next: answer(request, NextCall.self) { _, now in next(now: now) }
        case .done: answer(request, DoneCall.self, done)
        case .undo: answer(request, UndoCall.self, undo)
        case .snooze: answer(request, SnoozeCall.self, snooze)
        case .skip: answer(request, SkipCall.self, skip)
        case .dayOff: answer(request, DayOffCall.self, dayOff)
        case .result: answer(request, ResultCall.self, result)
        case .week: answer(request, WeekCall.self, week)
        case .reload: reload(request)
        case .watch: watch(request)
        }
    }

    /// Decodes `C`, runs `body`, and sends its reply; every failure becomes a typed Varlink error.
    private func answer<C: ControlCall>(
        _ request: VarlinkRequest, _ type: C.Type, _ body: (C, Date) throws -> C.Reply
    ) {
        let call: C
        do {
            call = try request.parameters(type)
        } catch {
            return request.fail(VarlinkService.invalidParameter, ["parameter": error.parameter, "message": error.message])
        }
        // A command its client already gave up on is not started: the client reported the outcome
        // as unknown, and a retry will come with the same request key.
        if call is any RecordingCall, request.clientHasHungUp {
            logger.notice("client pid \(request.peerPID) hung up before its \(C.method.rawValue) was started; nothing recorded")
            return
        }
        do {
            request.reply(try body(call, clock.now))
        } catch {
            var refusal = ControlError(error)
            // A refused command changed nothing, and the person must know that for sure.
            if call is any RecordingCall { refusal.message += "; nothing was recorded" }
            request.fail(refusal.kind.qualifiedName, parameters: refusal)
        }
    }

    private func today(_ call: TodayCall, now: Date) throws -> TodayCall.Reply {
        let day = try engine.resolveDay(call.day, today: engine.calendar.day(of: now), parameter: "day", allowFuture: true)
        return TodayCall.Reply(day: day.description, off: engine.isOff(day),
                               actions: engine.states(on: day, now: now).map(wire.state))
    }

    private func next(now: Date) -> NextCall.Reply {
        let today = engine.calendar.day(of: now)
        let open = engine.states(on: today, now: now).filter { $0.state == .open }
        return NextCall.Reply(day: today.description, action: open.first.map(wire.state), why: open.first?.step.why,
                              remaining: open.count)
    }

    private func done(_ call: DoneCall, now: Date) throws -> DoneCall.Reply {
        let (event, outcome) = try execute(
            .done(action: call.action, count: call.count ?? 1, note: call.note, day: call.day), source: "ctl",
            request: call.request)
        return DoneCall.Reply(outcome: outcome, event: wire.event(event), progress: progress(call.action, on: event.day, now: now))
    }

    private func undo(_ call: UndoCall, now: Date) throws -> UndoCall.Reply {
        let (event, outcome) = try execute(.undo(action: call.action), source: "ctl", request: call.request)
        return UndoCall.Reply(outcome: outcome, undone: wire.event(event),
                              progress: progress(event.action ?? "", on: event.day, now: now))
    }

    private func snooze(_ call: SnoozeCall, now: Date) throws -> SnoozeCall.Reply {
        let duration = try call.duration.map { text throws(CommandError) -> PlanDuration in
            guard let duration = PlanDuration(text) else {
                throw .invalidArgument(parameter: "duration", value: text, message: "is not a duration (use 15m, 1h30m, 90s)")
            }
            return duration
        }
        let (event, outcome) = try execute(.snooze(action: call.action, duration: duration), source: "ctl",
                                           request: call.request)
        return SnoozeCall.Reply(outcome: outcome, until: wire.time(event.until ?? now))
    }

    private func skip(_ call: SkipCall, now: Date) throws -> SkipCall.Reply {
        let (event, outcome) = try execute(.skip(action: call.action, reason: call.reason), source: "ctl",
                                           request: call.request)
        return SkipCall.Reply(outcome: outcome, progress: progress(call.action, on: event.day, now: now))
    }

    private func dayOff(_ call: DayOffCall, now: Date) throws -> DayOffCall.Reply {
        let (event, outcome) = try execute(.dayOff(day: call.day, reason: call.reason), source: "ctl",
                                           request: call.request)
        return DayOffCall.Reply(outcome: outcome, day: event.day.description)
    }

    private func result(_ call: ResultCall, now: Date) throws -> ResultCall.Reply {
        let (event, outcome) = try execute(.result(kind: call.kind, value: call.value, note: call.note), source: "ctl",
                                           request: call.request)
        return ResultCall.Reply(outcome: outcome, event: wire.event(event))
    }

    private func week(_ call: WeekCall, now: Date) throws -> WeekCall.Reply {
        let weeks = call.weeks ?? 1
        guard WeekCall.weekRange.contains(weeks) else {
            throw CommandError.invalidArgument(
                parameter: "weeks", value: String(weeks),
                message: "is out of range (\(WeekCall.weekRange.lowerBound) to \(WeekCall.weekRange.upperBound))")
        }
        var board = try ScoreboardQuery.compute(
            ledger: ledger, plan: engine.plan, calendar: engine.calendar, now: now, weeks: weeks
        ).scoreboard
        board.text = ScoreboardText.render(board, color: call.colour ?? false, width: call.width ?? 80)
        return WeekCall.Reply(scoreboard: board)
    }

    /// Watchers the daemon streams to at once; the rest of its connections stay free for commands.
    static let maxWatchers = 32

    private func watch(_ request: VarlinkRequest) {
        guard request.more else { return request.fail(VarlinkService.expectedMore) }
        guard watchers.values.filter(\.isOpen).count < Self.maxWatchers else {
            let refusal = ControlError(
                .busy, message: "already \(Self.maxWatchers) clients are watching; no more watchers are accepted",
                hint: "stop one of the running `salesd ctl watch` commands, then try again")
            return request.fail(refusal.kind.qualifiedName, parameters: refusal)
        }
        let id = ObjectIdentifier(request)
        watchers[id] = request
        request.onClose = { [unowned self] in self.watchers[id] = nil }
    }

    private func progress(_ action: String, on day: LocalDay, now: Date) -> ActionProgress {
        engine.states(on: day, now: now).first { $0.action.id == action }.map(wire.state)
            ?? ActionProgress(action: action, step: "", stepName: "", title: action, done: 0, target: 0, state: .off, at: [])
    }

    private func status(now: Date) -> StatusCall.Reply {
        let today = engine.calendar.day(of: now)
        let progress = engine.progress(on: today)
        let next = engine.nextReminder(after: now).map { next in
            StatusCall.Reminder(action: next.action, title: engine.title(of: next), at: wire.time(next.instant),
                                slot: next.slot)
        }
        let off = engine.plan.notifications.enabled
            ? "desktop notifications are turned off for this process (SALESD_NO_DESKTOP is set)"
            : "notifications are disabled in the config (notifications.enabled)"
        let n = notifier?.status ?? NotifierStatus(state: .unavailable, reason: off)
        let planZone = engine.calendar.timeZone.identifier
        let systemZone = ZoneChangeWatcher.currentSystemZone(environment: environment).identifier
        return StatusCall.Reply(
            version: SalesdVersion.current, pid: Int(getpid()), since: wire.time(started), config: config.description,
            ledger: ledger.path, socket: socketPath, timeZone: engine.plan.timeZone ?? planZone,
            systemTimeZone: systemZone == planZone ? nil : systemZone, today: today.description,
            actionsToday: progress.planned, doneToday: progress.done, nextReminder: next,
            notifications: StatusCall.NotificationState(
                available: n.available, server: n.server, capabilities: n.capabilities, reason: n.reason),
            watchers: watchers.values.filter(\.isOpen).count)
    }
}

extension ControlError {
    /// The refusal a failed command or ledger write becomes on the wire.
    init(_ error: any Error) {
        switch error {
        case let error as ControlError:
            self = error
        case let error as CommandError:
            switch error {
            case .noSuchAction(let action, let known):
                self.init(.noSuchAction, message: error.description, hint: "see the plan's actions with: salesd ctl today",
                          action: action, known: known)
            case .nothingToUndo(let action):
                self.init(.nothingToUndo, message: error.description, action: action)
            case .invalidArgument(let parameter, let value, _):
                self.init(.invalidArgument, message: error.description, parameter: parameter, value: value)
            }
        default:
            self.init(.ledgerUnavailable, message: "\(error)",
                      hint: "check the ledger's folder and disk (salesd ctl status shows its path)")
        }
    }
}
