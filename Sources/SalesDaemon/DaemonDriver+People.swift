import Foundation
import SalesContract
import SalesControl
import SalesEngine
import SalesLedger
import SalesPlan
import SalesScore

/// The people in the pipeline. Each recording call is judged and written in one step on the
/// ledger's queue (against the people as the ledger has them after every earlier write), so
/// the daemon's queue never waits for it; a forget's VACUUM runs there too.
extension DaemonDriver {
    func handlePeople(_ method: ControlMethod, _ request: VarlinkRequest) {
        switch method {
        case .people: answerPeople(request)
        case .pipeline: answerPipeline(request)
        case .personAdd:
            recordPerson(request, PersonAddCall.self) { call, _, desk, now in try desk.add(call, now: now, source: "ctl") }
                reply: { _, event, outcome, person in PersonReply(outcome: outcome, event: event.kind.rawValue, person: person) }
        case .personEdit:
            recordPerson(request, PersonEditCall.self) { call, book, desk, now in try desk.edit(call, book: book, now: now, source: "ctl") }
                reply: { _, event, outcome, person in PersonReply(outcome: outcome, event: event.kind.rawValue, person: person) }
        case .move:
            recordPerson(request, MoveCall.self) { call, book, desk, now in try desk.move(call, book: book, now: now, source: "ctl") }
                reply: { _, event, outcome, person in PersonReply(outcome: outcome, event: event.kind.rawValue, person: person) }
        case .lost:
            recordPerson(request, LostCall.self) { call, book, desk, now in try desk.lost(call, book: book, now: now, source: "ctl") }
                reply: { _, event, outcome, person in PersonReply(outcome: outcome, event: event.kind.rawValue, person: person) }
        case .touch: touch(request)
        case .won: won(request)
        case .forget: forget(request)
        case .personUndo: personUndo(request)
        default: request.fail(VarlinkService.methodNotFound, ["method": request.method])
        }
    }

    private var desk: PersonDesk { PersonDesk(plan: engine.plan, calendar: engine.calendar) }

    private func decodePerson<C: ControlCall>(_ request: VarlinkRequest, _ type: C.Type) -> C? {
        do {
            return try request.parameters(type)
        } catch {
            request.fail(VarlinkService.invalidParameter, ["parameter": error.parameter, "message": error.message])
            return nil
        }
    }

    private func refusePerson(_ request: VarlinkRequest, _ error: any Error, recording: Bool = true) {
        var refusal = ControlError(personError: error)
        if recording, !refusal.message.contains("nothing recorded") { refusal.message += "; nothing was recorded" }
        request.fail(refusal.kind.qualifiedName, parameters: refusal)
    }

    /// Reads the people on the daemon's queue: a read sees every committed write.
    private func book() throws -> PersonBook { PersonBook(try ledger.personEvents()) }

    private func answerPeople(_ request: VarlinkRequest) {
        guard let call = decodePerson(request, PeopleCall.self) else { return }
        do {
            let plan = engine.plan
            let today = engine.calendar.day(of: clock.now)
            if let step = call.step, plan.step(id: step) == nil {
                throw PersonError.noSuchStep(step, known: plan.steps.map(\.id))
            }
            let book = try book()
            let people = (call.all == true ? book.people : book.byUrgency(plan: plan, today: today)).filter {
                (call.step == nil || $0.step == call.step)
                    && (call.due != true || $0.state(in: plan, today: today) != .ok)
            }
            request.reply(PeopleCall.Reply(today: today.description,
                                           people: people.map { PersonRecord($0, plan: plan, today: today) }))
        } catch {
            refusePerson(request, error, recording: false)
        }
    }

    private func answerPipeline(_ request: VarlinkRequest) {
        guard let call = decodePerson(request, PipelineCall.self) else { return }
        do {
            let weeks = call.weeks ?? 4
            guard PipelineCall.weekRange.contains(weeks) else {
                throw PersonError.invalidArgument(parameter: "weeks", value: String(weeks), message:
                    "is out of range (\(PipelineCall.weekRange.lowerBound) to \(PipelineCall.weekRange.upperBound))")
            }
            request.reply(PipelineReport.compute(plan: engine.plan, book: try book(),
                                                 today: engine.calendar.day(of: clock.now), weeks: weeks))
        } catch {
            refusePerson(request, error, recording: false)
        }
    }

    /// Judges and records one person event on the ledger's queue; a request key seen before is
    /// answered with the event first recorded for it.
    func recordPerson<C: RecordingCall>(
        _ request: VarlinkRequest, _ type: C.Type,
        prepare: @escaping @Sendable (C, PersonBook, PersonDesk, Date) throws -> PersonEvent,
        reply: @escaping (C, PersonEvent, Outcome, PersonRecord) -> C.Reply
    ) {
        guard let call = decodePerson(request, type) else { return }
        writePerson(call, request: call.request, prepare: prepare) { [self] result in
            switch result {
            case .success(let (event, recorded, book)):
                request.reply(reply(call, event, recorded ? .recorded : .already, record(event.person, in: book)))
            case .failure(let error): refusePerson(request, error)
            }
        }
    }

    /// The write itself, then `done` on the daemon's queue with the event, whether it is new,
    /// and the people afterwards; the journal hears of a new event.
    private func writePerson<C: Sendable>(
        _ call: C, request key: String?,
        prepare: @escaping @Sendable (C, PersonBook, PersonDesk, Date) throws -> PersonEvent,
        done: @escaping (Result<(PersonEvent, Bool, PersonBook), any Error>) -> Void
    ) {
        let desk = self.desk
        let now = clock.now
        let done = QueueBound(done)
        writer.run({ ledger in
            if let key, let earlier = try ledger.personEvent(forRequest: key) {
                return (earlier, false, PersonBook(try ledger.personEvents()))
            }
            let event = try prepare(call, PersonBook(try ledger.personEvents()), desk, now)
            let stored = try ledger.append(event, request: key)
            return (stored.event, stored.recorded, PersonBook(try ledger.personEvents()))
        }) { [self] result in
            if case .success(let (event, recorded, book)) = result, recorded {
                engine.setPeople(book)
                announcePerson(event, book)
            }
            done.value(result)
        }
    }

    private func record(_ id: Int64, in book: PersonBook) -> PersonRecord {
        let today = engine.calendar.day(of: clock.now)
        guard let person = book.person(id: id) else {
            return PersonRecord(id: Int(id), name: nil, company: nil, step: "", stepName: "", next: nil, due: nil, note: nil,
                                lastTouch: today.description, daysSinceTouch: 0, state: "ok", status: "active", forgotten: true)
        }
        return PersonRecord(person, plan: engine.plan, today: today)
    }

    /// The journal line of a person event: the id, never the name unless the config opts in.
    func announcePerson(_ event: PersonEvent, _ book: PersonBook) {
        let person = book.person(id: event.person)
        let who = engine.plan.journalNames && person?.name != nil ? "\(person!.name!) (#\(event.person))" : "Person #\(event.person)"
        let step = event.step ?? person?.step
        let stepName = step.flatMap { engine.plan.step(id: $0)?.name } ?? step ?? ""
        let message: String
        switch event.kind {
        case .added: message = "\(who) added at \(stepName)"
        case .touched: message = "\(who) touched at \(stepName)"
        case .moved: message = "\(who) moved to \(stepName)"
        case .won: message = "\(who) won"
        case .lost: message = "\(who) lost"
        case .edited: message = "\(who) edited"
        case .undo: message = "Undone: the latest event of \(who)"
        case .forgotten: message = "Person #\(event.person) forgotten: name, company and notes erased"
        }
        var announcement = Announcement(kind: .person, message: message, day: event.day, step: step)
        announcement.person = event.person
        announce(announcement, desktop: false, buttons: [])
    }

    /// A notification's "Touched" button: a touch for the person it named, as `ctl touch #ID` records it.
    func touchFromNotification(_ person: Int64) {
        writePerson(TouchCall(person: "#\(person)"), request: nil, prepare: { call, book, desk, now in
            try desk.touch(call, book: book, now: now, source: "notification", done: nil)
        }) { [logger] result in
            if case .failure(let error) = result {
                logger.warning("notification button touch for person #\(person): \(error), ignoring")
            }
        }
    }

    /// `Touch`: with an action, its done is recorded first (through the engine, under the
    /// request key plus `:done`), then the touch linked to it.
    private func touch(_ request: VarlinkRequest) {
        guard let call = decodePerson(request, TouchCall.self) else { return }
        let plain: @Sendable (TouchCall, PersonBook, PersonDesk, Date) throws -> PersonEvent = { call, book, desk, now in
            try desk.touch(call, book: book, now: now, source: "ctl", done: nil)
        }
        let finish = QueueBound { [self] (done: Event?) in
            let doneID = done?.id
            writePerson(call, request: call.request, prepare: { call, book, desk, now in
                try desk.touch(call, book: book, now: now, source: "ctl", done: doneID)
            }) { [self] result in
                switch result {
                case .success(let (event, recorded, book)):
                    request.reply(TouchCall.Reply(outcome: recorded ? .recorded : .already, person: record(event.person, in: book),
                                                  done: done.map(wire.event)))
                case .failure(let error): refusePerson(request, error)
                }
            }
        }
        guard let action = call.action else { return finish.value(nil) }
        // The person and the texts are checked before the done is recorded.
        let desk = self.desk
        let now = clock.now
        writer.run({ ledger in
            if let key = call.request, try ledger.personEvent(forRequest: key) != nil { return }
            _ = try plain(call, PersonBook(try ledger.personEvents()), desk, now)
        }) { [self] checked in
            if case .failure(let error) = checked { return refusePerson(request, error) }
            submit(PendingCommand(command: .done(action: action, count: 1, note: nil, day: nil), source: "ctl",
                                  request: call.request.map { $0 + ":done" }, isAbandoned: { request.clientHasHungUp }) { result in
                switch result {
                case .success(let (event, _)): finish.value(event)
                case .failure(let error): self.refusePerson(request, error)
                }
            })
        }
    }

    /// `Won`: the plan's won results are recorded through the engine (keys `:won` and
    /// `:value`), then the won event that names them.
    private func won(_ request: VarlinkRequest) {
        guard let call = decodePerson(request, WonCall.self) else { return }
        let plan = engine.plan
        if call.value != nil, plan.won.value == nil {
            return refusePerson(request, PersonError.invalidArgument(
                parameter: "value", value: call.value.map(NumberText.format) ?? "",
                message: "the config's \"won\" records no value (set \"won\": {\"value\": \"revenue\"})"))
        }
        let desk = self.desk
        writer.run({ ledger -> Int64? in
            if let key = call.request, try ledger.personEvent(forRequest: key) != nil { return nil }
            return try desk.resolve(call.person, in: PersonBook(try ledger.personEvents())).id
        }) { [self] checked in
            if case .failure(let error) = checked { return refusePerson(request, error) }
            var commands: [(Command, String?)] = [(.result(kind: plan.won.count, value: 1, note: nil), call.request.map { $0 + ":won" })]
            if let value = call.value, let kind = plan.won.value {
                commands.append((.result(kind: kind, value: value, note: nil), call.request.map { $0 + ":value" }))
            }
            var results: [Event] = []
            func next() {
                guard !commands.isEmpty else {
                    let ids = results.compactMap(\.id)
                    return writePerson(call, request: call.request, prepare: { call, book, desk, now in
                        desk.won(try desk.resolve(call.person, in: book), now: now, source: "ctl", results: ids)
                    }) { [self] result in
                        switch result {
                        case .success(let (event, recorded, book)):
                            request.reply(WonCall.Reply(outcome: recorded ? .recorded : .already,
                                                        person: record(event.person, in: book), results: results.map(wire.event)))
                        case .failure(let error): refusePerson(request, error)
                        }
                    }
                }
                let (command, key) = commands.removeFirst()
                submit(PendingCommand(command: command, source: "ctl", request: key, isAbandoned: { request.clientHasHungUp }) { result in
                    switch result {
                    case .success(let (event, _)): results.append(event); next()
                    case .failure(let error): self.refusePerson(request, error)
                    }
                })
            }
            next()
        }
    }

    /// `Forget`: the erasure and the VACUUM both run on the ledger's queue.
    private func forget(_ request: VarlinkRequest) {
        guard let call = decodePerson(request, ForgetCall.self) else { return }
        let desk = self.desk
        let now = clock.now
        writer.run({ ledger -> (PersonEvent, Bool, Int, String?) in
            let book = PersonBook(try ledger.personEvents())
            let forgotten: (event: PersonEvent, recorded: Bool, notesErased: Int)
            if let key = call.request, let earlier = try ledger.personEvent(forRequest: key) {
                forgotten = (earlier, false, 0)
            } else {
                // Someone forgotten already (by id): nothing more to blank, only the rewrite to finish.
                let person = try desk.resolve(call.person, in: book, allowForgotten: true)
                if person.forgotten {
                    let earlier = try ledger.personEvents().last { $0.person == person.id && $0.kind == .forgotten }
                    forgotten = (earlier ?? PersonEvent(kind: .forgotten, at: now, day: desk.calendar.day(of: now), person: person.id), false, 0)
                } else {
                    forgotten = try ledger.forget(person: person.id, at: now, day: desk.calendar.day(of: now), source: "ctl",
                                                  request: call.request)
                }
            }
            // The texts are blanked and durable; the rewrite may wait for a reader, and a retry
            // of the same request finishes it. It waits for a reader well within the 5 s a
            // client waits for a reply: past that, `ctl` would ask again and hear "already".
            do {
                try ledger.compact(patience: 2)
                return (forgotten.event, forgotten.recorded, forgotten.notesErased, nil)
            } catch {
                return (forgotten.event, forgotten.recorded, forgotten.notesErased, "\(error)")
            }
        }) { [self] result in
            switch result {
            case .success(let (event, recorded, erased, compactFailure)):
                if recorded {
                    if let book = try? self.book() { engine.setPeople(book) }
                    announcePerson(event, PersonBook([]))
                }
                if let compactFailure {
                    logger.warning("forget of person #\(event.person): the texts are blanked but the file is not rewritten yet (\(compactFailure)); the same request again finishes it")
                }
                request.reply(ForgetCall.Reply(outcome: recorded ? .recorded : .already, person: Int(event.person),
                                               notesErased: erased, compacted: compactFailure == nil))
            case .failure(let error): refusePerson(request, error)
            }
        }
    }

    /// `PersonUndo`: takes back the latest person event; with `latest`, only when it is newer
    /// than what `Undo` would take back.
    private func personUndo(_ request: VarlinkRequest) {
        guard let call = decodePerson(request, PersonUndoCall.self) else { return }
        let other = engine.latestUndoable?.at
        let desk = self.desk
        let now = clock.now
        writer.run({ ledger -> (PersonEvent?, Bool, PersonBook) in
            if let key = call.request, let earlier = try ledger.personEvent(forRequest: key) {
                return (earlier, false, PersonBook(try ledger.personEvents()))
            }
            let book = PersonBook(try ledger.personEvents())
            let target: PersonEvent?
            if let query = call.person {
                target = book.latestUndoable(person: try desk.resolve(query, in: book).id)
            } else {
                target = book.latestUndoable()
            }
            guard let target else {
                if call.latest == true { return (nil, false, book) }
                throw PersonError.invalidArgument(parameter: "person", value: call.person ?? "",
                                                  message: "nothing to undo: no person event recorded")
            }
            if call.latest == true, let other, other > target.at { return (nil, false, book) }
            let stored = try ledger.append(desk.undo(target, now: now, source: "ctl"), request: call.request)
            return (stored.event, true, PersonBook(try ledger.personEvents()))
        }) { [self] result in
            switch result {
            case .success(let (event?, recorded, book)):
                if recorded {
                    engine.setPeople(book)
                    announcePerson(event, book)
                }
                let undone = book.cancelled.contains(event.ref ?? -1)
                    ? try? ledger.personEvents().first { $0.id == event.ref }?.kind.rawValue : nil
                request.reply(PersonUndoCall.Reply(outcome: recorded ? .recorded : .already, undone: undone ?? "event",
                                                   person: record(event.person, in: book)))
            case .success((nil, _, _)):
                request.reply(PersonUndoCall.Reply(outcome: .nothing, undone: nil, person: nil))
            case .failure(let error): refusePerson(request, error)
            }
        }
    }
}

extension ControlError {
    /// The refusal a person command becomes on the wire.
    init(personError error: any Error) {
        guard let error = error as? PersonError else {
            self.init(error)
            return
        }
        switch error {
        case .noSuchPerson(let query, let candidates):
            self.init(.noSuchPerson, message: error.description, hint: "see the people with: salesd ctl people",
                      known: candidates, value: query)
        case .ambiguous(let query, let candidates):
            self.init(.noSuchPerson, message: error.description, hint: "give the id (e.g. \(candidates.first?.split(separator: " ").first ?? "#1")) or more of the name",
                      known: candidates, value: query)
        case .noSuchStep(let step, _):
            self.init(.invalidArgument, message: error.description, hint: "see the steps with: salesd ctl plan",
                      parameter: "step", value: step)
        case .invalidArgument(let parameter, let value, _):
            self.init(.invalidArgument, message: error.description, parameter: parameter, value: value)
        case .forgotten(let id):
            self.init(.noSuchPerson, message: error.description, hint: "add them again if they come back: salesd ctl people add NAME",
                      value: "#\(id)")
        }
    }
}
