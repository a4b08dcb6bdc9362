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
        case .plan: answer(request, PlanCall.self, plan)
        case .log: answer(request, LogCall.self, log)
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
        do {
            request.reply(try body(call, clock.now))
        } catch {
            let refusal = ControlError(error)
            request.fail(refusal.kind.qualifiedName, parameters: refusal)
        }
    }

    private func today(_ call: TodayCall, now: Date) throws -> TodayCall.Reply {
        let day = try engine.resolveDay(call.day, today: engine.calendar.day(of: now), parameter: "day", allowFuture: true)
        return TodayCall.Reply(day: day.description, today: engine.calendar.day(of: now).description, off: engine.isOff(day),
                               actions: engine.states(on: day, now: now).map(wire.state))
    }

    private func next(now: Date) -> NextCall.Reply {
        let today = engine.calendar.day(of: now)
        let open = engine.states(on: today, now: now).filter { $0.state == .open }
        return NextCall.Reply(day: today.description, action: open.first.map(wire.state), why: open.first?.step.why,
                              remaining: open.count)
    }

    private func done(_ call: DoneCall, now: Date) throws -> DoneCall.Reply {
        let event = try execute(.done(action: call.action, count: call.count ?? 1, note: call.note, day: call.day),
                                source: "ctl")
        return DoneCall.Reply(outcome: .recorded, event: wire.event(event), progress: progress(call.action, on: event.day, now: now))
    }

    private func undo(_ call: UndoCall, now: Date) throws -> UndoCall.Reply {
        // A retry of a request already answered takes back nothing more.
        if let earlier = engine.earlierUndo(request: call.request) {
            return undoReply(.already, undo: earlier.undo, cancelled: earlier.cancelled, now: now)
        }
        let event = try execute(.undo(action: call.action, day: call.day, request: call.request), source: "ctl")
        return undoReply(.recorded, undo: event, cancelled: engine.cancelledEvent(by: event) ?? event, now: now)
    }

    private func undoReply(_ outcome: Outcome, undo: Event, cancelled: Event, now: Date) -> UndoCall.Reply {
        UndoCall.Reply(outcome: outcome, undone: wire.event(undo), cancelled: wire.event(cancelled),
                       progress: cancelled.action.map { progress($0, on: cancelled.day, now: now) })
    }

    private func snooze(_ call: SnoozeCall, now: Date) throws -> SnoozeCall.Reply {
        let duration = try call.duration.map { text throws(CommandError) -> PlanDuration in
            guard let duration = PlanDuration(text) else {
                throw .invalidArgument(parameter: "duration", value: text, message: "is not a duration (use 15m, 1h30m, 90s)")
            }
            return duration
        }
        let event = try execute(.snooze(action: call.action, duration: duration), source: "ctl")
        return SnoozeCall.Reply(outcome: .recorded, until: wire.time(event.until ?? now))
    }

    private func skip(_ call: SkipCall, now: Date) throws -> SkipCall.Reply {
        let command = Command.skip(action: call.action, reason: call.reason)
        if try engine.repeatsWhatIsInForce(command, now: now) {
            return SkipCall.Reply(outcome: .already, progress: progress(call.action, on: engine.calendar.day(of: now), now: now))
        }
        let event = try execute(.skip(action: call.action, reason: call.reason), source: "ctl")
        return SkipCall.Reply(outcome: .recorded, progress: progress(call.action, on: event.day, now: now))
    }

    private func dayOff(_ call: DayOffCall, now: Date) throws -> DayOffCall.Reply {
        let command = Command.dayOff(day: call.day, reason: call.reason)
        if try engine.repeatsWhatIsInForce(command, now: now) {
            let day = try engine.resolveDay(call.day, today: engine.calendar.day(of: now), parameter: "day", allowFuture: true)
            return DayOffCall.Reply(outcome: .already, day: day.description)
        }
        let event = try execute(.dayOff(day: call.day, reason: call.reason), source: "ctl")
        return DayOffCall.Reply(outcome: .recorded, day: event.day.description)
    }

    private func result(_ call: ResultCall, now: Date) throws -> ResultCall.Reply {
        let event = try execute(.result(kind: call.kind, value: call.value, note: call.note), source: "ctl")
        return ResultCall.Reply(outcome: .recorded, event: wire.event(event),
                                unit: engine.plan.result(id: call.kind)?.unit.description)
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

    private func watch(_ request: VarlinkRequest) {
        guard request.more else { return request.fail(VarlinkService.expectedMore) }
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
        let n = notifier?.status ?? NotifierStatus(available: false, reason: off)
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
                self.init(.noSuchAction, message: error.description, hint: "see the plan's action ids with: salesd ctl today",
                          action: action, known: known)
            case .nothingToUndo(let action, _):
                self.init(.nothingToUndo, message: error.description,
                          hint: "see what was recorded with: salesd ctl log", action: action)
            case .stepIsNotAnAction(let step, let actions):
                self.init(.noSuchAction, message: error.description,
                          hint: actions.first.map { "record one of its actions, e.g.: salesd ctl done \($0)" }
                              ?? "see the plan's actions with: salesd ctl plan",
                          action: step)
            case .noSuchResultKind(let kind, let known, let closest):
                self.init(.invalidArgument, message: error.description,
                          hint: closest.map { "record it with: salesd ctl result \($0)" }
                              ?? "declare it in the config's \"results\" (known: \(known.joined(separator: ", "))), then: salesd ctl reload",
                          parameter: "kind", value: kind)
            case .invalidArgument(let parameter, let value, _):
                self.init(.invalidArgument, message: error.description, parameter: parameter, value: value)
            }
        default:
            self.init(.ledgerUnavailable, message: "\(error)",
                      hint: "check the ledger's folder and disk (salesd ctl status shows its path)")
        }
    }
}
