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
        case .week: answer(request, WeekCall.self, week)
        case .reload: reload(request)
        case .watch: watch(request)
        case .plan: answer(request, PlanCall.self, plan)
        case .log: answer(request, LogCall.self, log)
        case .planWeek: planWeek(request)
        case .people, .pipeline, .personAdd, .personEdit, .touch, .move, .won, .lost, .forget, .personUndo:
            handlePeople(method, request)
        case .done:
            record(request, DoneCall.self) { .done(action: $0.action, count: $0.count ?? 1, note: $0.note, day: $0.day) }
                reply: { [self] call, event, outcome, now in
                    DoneCall.Reply(outcome: outcome, event: wire.event(event), progress: progress(call.action, on: event.day, now: now))
                }
        case .undo:
            record(request, UndoCall.self) { .undo(action: $0.action, day: $0.day) }
                reply: { [self] _, undo, outcome, now in
                    let cancelled = engine.cancelledEvent(by: undo) ?? undo
                    return UndoCall.Reply(outcome: outcome, undone: wire.event(undo), cancelled: wire.event(cancelled),
                                          progress: cancelled.action.map { progress($0, on: cancelled.day, now: now) })
                }
        case .snooze:
            record(request, SnoozeCall.self) { .snooze(action: $0.action, duration: try Self.duration($0.duration)) }
                reply: { [self] _, event, outcome, now in
                    SnoozeCall.Reply(outcome: outcome, until: wire.time(event.until ?? now))
                }
        case .skip:
            record(request, SkipCall.self) { .skip(action: $0.action, reason: $0.reason) }
                reply: { [self] call, event, outcome, now in
                    SkipCall.Reply(outcome: outcome, progress: progress(call.action, on: event.day, now: now))
                }
        case .dayOff:
            record(request, DayOffCall.self) { call in
                guard let through = call.through else { return .dayOff(day: call.day, reason: call.reason) }
                return .daysOff(from: call.day, through: through, reason: call.reason)
            } reply: { [self] call, event, outcome, now in
                guard let through = call.through,
                      let days = try? engine.vacationDays(from: call.day, through: through, today: engine.calendar.day(of: now))
                else { return DayOffCall.Reply(outcome: outcome, day: event.day.description) }
                return DayOffCall.Reply(outcome: outcome, day: days[0].description, through: days[days.count - 1].description,
                                        days: days.map(\.description))
            }
        case .result:
            record(request, ResultCall.self) { .result(kind: $0.kind, value: $0.value, note: $0.note) }
                reply: { [self] call, event, outcome, _ in
                    ResultCall.Reply(outcome: outcome, event: wire.event(event),
                                     unit: engine.plan.result(id: call.kind)?.unit.description)
                }
        }
    }

    /// Decodes `C`, runs `body`, and sends its reply; every failure becomes a typed Varlink error.
    private func answer<C: ControlCall>(
        _ request: VarlinkRequest, _ type: C.Type, _ body: (C, Date) throws -> C.Reply
    ) {
        guard let call = decode(request, type) else { return }
        do {
            request.reply(try body(call, clock.now))
        } catch {
            refuse(request, error, recording: false)
        }
    }

    /// Decodes `C`, turns it into a command and queues it to be recorded; the reply is sent once
    /// the event is durable (or the refusal, saying nothing was recorded).
    private func record<C: RecordingCall>(
        _ request: VarlinkRequest, _ type: C.Type, command: (C) throws -> Command,
        reply: @escaping (C, Event, Outcome, Date) -> C.Reply
    ) {
        guard let call = decode(request, type) else { return }
        let pending: Command
        do {
            try Self.refuseNUL(in: call)
            pending = try command(call)
        } catch {
            return refuse(request, error, recording: true)
        }
        // A command its client already gave up on is not started: the client reported the
        // outcome as unknown, and a retry will come with the same request key.
        submit(PendingCommand(command: pending, source: "ctl", request: call.request,
                              isAbandoned: { request.clientHasHungUp }) { [self] result in
            switch result {
            case .success(let (event, outcome)): request.reply(reply(call, event, outcome, clock.now))
            case .failure(let error): refuse(request, error, recording: true)
            }
        })
    }

    func decode<C: ControlCall>(_ request: VarlinkRequest, _ type: C.Type) -> C? {
        do {
            return try request.parameters(type)
        } catch {
            request.fail(VarlinkService.invalidParameter, ["parameter": error.parameter, "message": error.message])
            return nil
        }
    }

    func refuse(_ request: VarlinkRequest, _ error: any Error, recording: Bool) {
        var refusal = ControlError(error)
        // A refused command changed nothing, and the person must know that for sure.
        if recording, !refusal.message.contains("nothing recorded") { refusal.message += "; nothing was recorded" }
        request.fail(refusal.kind.qualifiedName, parameters: refusal)
    }

    /// SQLite would keep a text only up to a NUL, so a note with one is refused whole rather
    /// than stored cut short.
    private static func refuseNUL(in call: some RecordingCall) throws(CommandError) {
        for child in Mirror(reflecting: call).children {
            let text = child.value as? String ?? (child.value as? String?) ?? nil
            guard let text, text.contains("\0"), let name = child.label else { continue }
            throw .invalidArgument(parameter: name, value: text.replacingOccurrences(of: "\0", with: "\\u0000"),
                                   message: "contains a NUL character (\\u0000), which cannot be stored; remove it")
        }
    }

    private static func duration(_ text: String?) throws(CommandError) -> PlanDuration? {
        guard let text else { return nil }
        guard let duration = PlanDuration(text) else {
            throw .invalidArgument(parameter: "duration", value: text, message: "is not a duration (use 15m, 1h30m, 90s)")
        }
        guard duration <= .longest else {
            throw .invalidArgument(parameter: "duration", value: text,
                                   message: "is longer than \(PlanDuration.longest), the longest snooze (use an off day for longer)")
        }
        return duration
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

    private func week(_ call: WeekCall, now: Date) throws -> WeekCall.Reply {
        let weeks = call.weeks ?? 1
        guard WeekCall.weekRange.contains(weeks) else {
            throw CommandError.invalidArgument(
                parameter: "weeks", value: String(weeks),
                message: "is out of range (\(WeekCall.weekRange.lowerBound) to \(WeekCall.weekRange.upperBound))")
        }
        let board = try ScoreboardQuery.compute(
            ledger: ledger, plan: engine.plan, calendar: engine.calendar, now: now, weeks: weeks,
            recorded: planVersions.versions(in: ledger)
        ).scoreboard
        let starts = weekStarts(now: now)
        return WeekCall.Reply(scoreboard: board.withText(color: call.colour ?? false, width: call.width ?? 80),
                              commitments: try commitments(from: starts.this, through: starts.next))
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
        let progress = statusMemo.progress(on: today) { engine.progress(on: $0) }
        let next = nextReminder(after: now).map { next in
            StatusCall.Reminder(action: next.action, title: engine.title(of: next), at: wire.time(next.instant),
                                slot: next.slot)
        }
        let off = engine.plan.notifications.enabled
            ? "desktop notifications are turned off for this process (SALESD_NO_DESKTOP is set)"
            : "notifications are disabled in the config (notifications.enabled)"
        let n = notifier?.status ?? NotifierStatus(state: .unavailable, reason: off)
        let planZone = engine.calendar.timeZone.identifier
        let systemZone = systemZone.identifier
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
            case .nothingToSnooze(let action, _):
                self.init(.invalidArgument, message: error.description, parameter: "action", value: action)
            case .invalidArgument(let parameter, let value, _):
                self.init(.invalidArgument, message: error.description, parameter: parameter, value: value)
            }
        default:
            self.init(.ledgerUnavailable, message: "\(error)",
                      hint: "check the ledger's folder and disk (salesd ctl status shows its path)")
        }
    }
}
