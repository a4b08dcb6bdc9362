import Foundation
import SalesControl
import SalesEngine
import SalesLedger
import SalesPlan

extension DaemonDriver {
    static let errorPrefix = ControlInterface.name + "."

    /// Answers one Varlink call of `io.salesd.Control` (on the queue).
    func handle(_ request: VarlinkRequest) {
        do {
            try dispatch(request)
        } catch let error as CommandError {
            fail(request, error)
        } catch let error as LedgerError {
            request.fail(Self.errorPrefix + "LedgerUnavailable", parameters: ["message": .string(error.description)])
        } catch let error as ParameterError {
            request.fail("org.varlink.service.InvalidParameter", parameters: [
                "parameter": .string(error.parameter), "message": .string(error.message),
            ])
        } catch {
            request.fail(Self.errorPrefix + "LedgerUnavailable", parameters: ["message": .string("\(error)")])
        }
    }

    private func dispatch(_ request: VarlinkRequest) throws {
        let p = Parameters(request.parameters)
        let now = clock.now
        let today = engine.calendar.day(of: now)
        switch request.methodName {
        case "Status":
            request.reply(status(now: now))
        case "Today":
            let day = try engine.resolveDay(try p.string("day"), today: today, parameter: "day", allowFuture: true)
            request.reply([
                "day": .string(day.description), "off": .bool(engine.isOff(day)),
                "actions": .array(engine.states(on: day, now: now).map(wire.state)),
            ])
        case "Next":
            let states = engine.states(on: today, now: now)
            let open = states.filter { $0.state == .open }
            var reply: [String: JSONValue] = ["day": .string(today.description), "remaining": .int(Int64(open.count))]
            if let next = open.first {
                reply["action"] = wire.state(next)
                if let why = next.step.why { reply["why"] = .string(why) }
            }
            request.reply(reply)
        case "Done":
            let action = try p.required("action")
            let count = try p.int("count") ?? 1
            let event = try execute(
                .done(action: action, count: count, note: try p.string("note"), day: try p.string("day")),
                source: "ctl")
            request.reply(["event": wire.event(event), "progress": progress(action, on: event.day, now: now)])
        case "Undo":
            let event = try execute(.undo(action: try p.string("action")), source: "ctl")
            request.reply(["undone": wire.event(event), "progress": progress(event.action ?? "", on: event.day, now: now)])
        case "Snooze":
            let action = try p.required("action")
            let duration = try p.string("duration").map { text throws(ParameterError) -> PlanDuration in
                guard let d = PlanDuration(text) else {
                    throw ParameterError(parameter: "duration", message: "\"\(text)\" is not a duration (use 15m, 1h30m, 90s)")
                }
                return d
            }
            let event = try execute(.snooze(action: action, duration: duration), source: "ctl")
            request.reply(["until": .string(wire.time(event.until ?? now))])
        case "Skip":
            let action = try p.required("action")
            let event = try execute(.skip(action: action, reason: try p.string("reason")), source: "ctl")
            request.reply(["progress": progress(action, on: event.day, now: now)])
        case "DayOff":
            let event = try execute(.dayOff(day: try p.string("day"), reason: try p.string("reason")), source: "ctl")
            request.reply(["day": .string(event.day.description)])
        case "Result":
            let event = try execute(
                .result(kind: try p.required("kind"), value: try p.double("value"), note: try p.string("note")),
                source: "ctl")
            request.reply(["event": wire.event(event)])
        case "Week":
            let weeks = try p.int("weeks") ?? 1
            guard (1...104).contains(weeks) else {
                throw ParameterError(parameter: "weeks", message: "\(weeks) is out of range (1 to 104)")
            }
            request.reply(["scoreboard": try scoreboard(weeks: weeks, now: now)])
        case "Reload":
            reload(request)
        case "Watch":
            guard request.more else {
                return request.fail("org.varlink.service.ExpectedMore")
            }
            let id = ObjectIdentifier(request)
            watchers[id] = request
            request.onClose = { [unowned self] in self.watchers[id] = nil }
        default:
            request.fail("org.varlink.service.MethodNotFound", parameters: ["method": .string(request.method)])
        }
    }

    private func progress(_ action: String, on day: LocalDay, now: Date) -> JSONValue {
        engine.states(on: day, now: now).first { $0.action.id == action }.map(wire.state)
            ?? .object(["action": .string(action)])
    }

    private func status(now: Date) -> [String: JSONValue] {
        let today = engine.calendar.day(of: now)
        let progress = engine.progress(on: today)
        var reply: [String: JSONValue] = [
            "version": .string(SalesdVersion.current), "pid": .int(Int64(getpid())),
            "since": .string(wire.time(started)), "config": .string(config.description),
            "ledger": .string(ledger.path), "timeZone": .string(engine.plan.timeZone ?? engine.calendar.timeZone.identifier),
            "today": .string(today.description), "actionsToday": .int(Int64(progress.planned)),
            "doneToday": .int(Int64(progress.done)),
            "socket": .string(socketPath), "watchers": .int(Int64(watchers.values.filter(\.isOpen).count)),
        ]
        if let next = engine.nextReminder(after: now) {
            let title = engine.plan.action(id: next.action)?.title
                ?? (next.kind == .morning ? "What's the next step?" : "Weekly review")
            reply["nextReminder"] = .object([
                "action": .string(next.action), "title": .string(title), "at": .string(wire.time(next.instant)),
                "slot": .string(next.slot),
            ])
        }
        let off = engine.plan.notifications.enabled
            ? "desktop notifications are turned off for this process (SALESD_NO_DESKTOP is set)"
            : "notifications are disabled in the config (notifications.enabled)"
        let n = notifier?.status ?? NotifierStatus(available: false, reason: off)
        var state: [String: JSONValue] = [
            "available": .bool(n.available), "capabilities": .array(n.capabilities.map { .string($0) }),
        ]
        if let server = n.server { state["server"] = .string(server) }
        if let reason = n.reason { state["reason"] = .string(reason) }
        reply["notifications"] = .object(state)
        return reply
    }

    private func fail(_ request: VarlinkRequest, _ error: CommandError) {
        let message = JSONValue.string(error.description)
        switch error {
        case .noSuchAction(let action, let known):
            request.fail(Self.errorPrefix + "NoSuchAction", parameters: [
                "action": .string(action), "known": .array(known.map { .string($0) }), "message": message,
            ])
        case .nothingToUndo(let action):
            var p: [String: JSONValue] = ["message": message]
            if let action { p["action"] = .string(action) }
            request.fail(Self.errorPrefix + "NothingToUndo", parameters: p)
        case .nothingToSnooze(let action, _):
            request.fail(Self.errorPrefix + "InvalidArgument", parameters: [
                "parameter": "action", "value": .string(action), "message": message,
            ])
        case .invalidArgument(let parameter, let value, _):
            request.fail(Self.errorPrefix + "InvalidArgument", parameters: [
                "parameter": .string(parameter), "value": .string(value), "message": message,
            ])
        }
    }
}
