import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule
import XCTest

/// The outbox tells announcements in the order they came, a slice per turn of the queue.
final class AnnouncementOutboxTests: XCTestCase {
    /// What reached the journal, watchers and desktop, in order: `announce <action>` or `withdraw <action>`.
    private var told: [String] = []
    /// Turns of the queue the outbox asked for and has not had yet.
    private var turnsAsked = 0
    private let ledger = MemoryReminderLedger()
    /// How many reminders the ledger held when the first announcement was told.
    private var recordedWhenFirstTold: Int?

    private func outbox(slice: Int) -> AnnouncementOutbox {
        AnnouncementOutbox(slice: slice, later: { [unowned self] in turnsAsked += 1 }) { [unowned self] item in
            if recordedWhenFirstTold == nil { recordedWhenFirstTold = ledger.events.count }
            switch item {
            case .announce(let announcement, _, _): told.append("announce \(announcement.action ?? "")")
            case .withdraw(let action): told.append("withdraw \(action)")
            }
        }
    }

    /// Gives the outbox the turns it asked for, one at a time, as the daemon's queue would.
    private func runTurns(_ outbox: AnnouncementOutbox) {
        while turnsAsked > 0 {
            turnsAsked -= 1
            outbox.resume()
        }
    }

    private func reminder(_ action: String) -> Announcement {
        Announcement(kind: .reminder, message: "Reminder: \(action)", action: action)
    }

    /// An announcement that finds the outbox empty is told at once, without waiting for a turn.
    func testALoneAnnouncementIsToldAtOnce() {
        let outbox = outbox(slice: 100)
        outbox.announce(reminder("calls"), desktop: true, buttons: [.done])
        XCTAssertEqual(told, ["announce calls"])
        XCTAssertEqual(outbox.waiting, 0)
        runTurns(outbox)
        XCTAssertEqual(told, ["announce calls"])
    }

    /// A burst larger than a slice is told a slice per turn, in order, and nothing is lost.
    func testABurstIsToldInSlicesInOrder() {
        let outbox = outbox(slice: 100)
        let actions = (0..<250).map { String(format: "action-%03d", $0) }
        // One turn of the queue: the interpreter hands over a whole wake's reminders at once.
        for action in actions { outbox.announce(reminder(action), desktop: true, buttons: []) }
        XCTAssertEqual(told.count, 100, "the first slice is told in the turn that brought the burst")
        XCTAssertEqual(outbox.waiting, 150)
        XCTAssertEqual(turnsAsked, 1)

        turnsAsked -= 1
        outbox.resume()
        XCTAssertEqual(told.count, 200)
        runTurns(outbox)
        XCTAssertEqual(told, actions.map { "announce \($0)" })
        XCTAssertEqual(outbox.waiting, 0)
    }

    /// What is announced or withdrawn between two slices (a `done` answered meanwhile) comes
    /// after the burst still waiting, never before it.
    func testWhatComesBetweenSlicesWaitsItsTurn() {
        let outbox = outbox(slice: 2)
        for action in ["a", "b", "c", "d", "e"] { outbox.announce(reminder(action), desktop: true, buttons: []) }
        XCTAssertEqual(told, ["announce a", "announce b"])
        turnsAsked -= 1
        outbox.resume()
        XCTAssertEqual(told, ["announce a", "announce b", "announce c", "announce d"])

        outbox.announce(Announcement(kind: .done, message: "Done: c", action: "c"), desktop: false, buttons: [])
        outbox.withdraw(action: "c")
        XCTAssertEqual(told.count, 4, "nothing jumps the queue")

        runTurns(outbox)
        XCTAssertEqual(told, ["announce a", "announce b", "announce c", "announce d", "announce e",
                              "announce c", "withdraw c"])
    }

    /// Flushing (the daemon is stopping) tells everything still waiting, in order, at once; the
    /// turn asked for before finds nothing left and tells nothing twice.
    func testFlushTellsEverythingWaiting() {
        let outbox = outbox(slice: 2)
        for action in ["a", "b", "c", "d"] { outbox.announce(reminder(action), desktop: true, buttons: []) }
        outbox.announce(Announcement(kind: .stopping, message: "salesd stopping"), desktop: false, buttons: [])
        outbox.flush()
        XCTAssertEqual(told, ["announce a", "announce b", "announce c", "announce d", "announce "])
        runTurns(outbox)
        XCTAssertEqual(told.count, 5)
        outbox.announce(reminder("f"), desktop: true, buttons: [])
        XCTAssertEqual(told.last, "announce f", "an empty outbox tells at once again")
    }

    /// Through the interpreter, a wake's reminders are all recorded before the first is told,
    /// and each recorded one is told once, in the engine's order.
    func testAWakesRemindersAreRecordedThenToldInSlices() {
        let outbox = outbox(slice: 100)
        let day = LocalDay(year: 2026, month: 11, day: 27)!
        let at = Date(timeIntervalSince1970: 1_795_771_800)
        let actions = (0..<250).map { String(format: "action-%03d", $0) }
        let interpreter = EffectInterpreter(ledger: ledger, timer: ManualWakeTimer(), announcer: outbox) { _, _, _, _ in
            XCTFail("nothing fails to record here")
        }
        let fire = { (action: String) in
            EngineEffect.fire(Event(kind: .reminder, at: at, day: day, action: action, slot: "09:30"), self.reminder(action),
                              buttons: [])
        }
        interpreter.perform(actions.map(fire))
        XCTAssertEqual(recordedWhenFirstTold, 250)
        XCTAssertEqual(told.count, 100)
        // The same wake again (a clock that went back and forth) records nothing new and tells nothing more.
        interpreter.perform(actions.map(fire))
        runTurns(outbox)
        XCTAssertEqual(told, actions.map { "announce \($0)" })
    }

    // MARK: A wake dealt with a slice of actions at a time

    private let london = ZoneCalendar(timeZone: TimeZone(identifier: "Europe/London")!)
    /// 2026-11-27 09:30 in London, when every action of ``manyActions(_:)`` is due.
    private let due = Date(timeIntervalSince1970: 1_795_771_800)

    /// `count` actions due at 09:30 each day, plus a morning prompt at 09:30 too.
    private func manyActions(_ count: Int) -> Plan {
        Plan(timeZone: "Europe/London", morningPrompt: LocalTime("09:30"), steps: [Step(id: "connect", name: "Connect")],
             actions: (0..<count).map { PlanAction(id: String(format: "call-%03d", $0), step: "connect",
                                                   title: "Call \($0)", days: [.daily], at: [LocalTime("09:30")!]) })
    }

    private func engine(_ plan: Plan, events: [Event] = []) -> Engine {
        Engine(plan: plan, calendar: london, events: events, handledThrough: due.addingTimeInterval(-60))
    }

    /// Runs the wake in progress to its end a slice at a time, as the daemon's queue does.
    private func continueToEnd(_ engine: inout Engine) -> [[EngineEffect]] {
        var slices: [[EngineEffect]] = []
        while engine.isWaking { slices.append(engine.continueWake()) }
        return slices
    }

    /// A wake in slices has the effects of the wake done at once, in the same order; only the
    /// last slice arms the timer.
    func testAWakeInSlicesDoesWhatAWakeAtOnceDoes() {
        let plan = manyActions(600)
        var atOnce = engine(plan)
        var sliced = engine(plan)
        let now = due.addingTimeInterval(2)
        let whole = atOnce.wake(now: now)
        let first = sliced.wake(now: now, slice: 250)
        XCTAssertTrue(sliced.isWaking)
        let rest = continueToEnd(&sliced)
        XCTAssertEqual([first] + rest, [Array(whole[0..<250]), Array(whole[250..<500]), Array(whole[500...])])
        XCTAssertEqual((([first] + rest).dropLast().flatMap { $0 }).filter { if case .arm = $0 { true } else { false } }, [])
        let later = now.addingTimeInterval(1)
        XCTAssertEqual(sliced.wake(now: later, slice: 250) + continueToEnd(&sliced).flatMap { $0 }, atOnce.wake(now: later),
                       "nothing more is due: the slices only arm the next wake")
    }

    /// A wake that spans days (a catch-up) is sliced too, a day at a time: yesterday's reminders
    /// (recorded missed) before today's, as the wake done at once orders them.
    func testACatchUpIsSlicedADayAtATime() {
        var atOnce = Engine(plan: manyActions(300), calendar: london, events: [], handledThrough: due.addingTimeInterval(-86_400))
        var sliced = atOnce
        let whole = atOnce.wake(now: due.addingTimeInterval(2))
        let first = sliced.wake(now: due.addingTimeInterval(2), slice: 10)
        XCTAssertTrue(sliced.isWaking)
        let slices = [first] + continueToEnd(&sliced)
        XCTAssertEqual(slices.count, 62, "301 a day, 10 at a time, for two days")
        XCTAssertEqual(slices.flatMap { $0 }, whole)
        XCTAssertEqual(whole.filter { if case .fire = $0 { true } else { false } }.count, 301)
    }

    /// Through the interpreter, each slice's reminders are recorded before the first of them is
    /// told, every reminder is told once, and the order is the order of a wake done at once.
    func testASlicedWakesRemindersAreRecordedBeforeTheyAreTold() {
        var engine = engine(manyActions(600))
        var atOnce = engine
        let expected = atOnce.wake(now: due.addingTimeInterval(2)).compactMap { effect -> Announcement? in
            if case .fire(_, let announcement, _) = effect { announcement } else { nil }
        }
        var recordedWhenTold: [Int] = []
        let outbox = AnnouncementOutbox(slice: 100, later: { [unowned self] in turnsAsked += 1 }) { [unowned self] item in
            if case .announce(let announcement, _, _) = item {
                recordedWhenTold.append(ledger.events.count)
                told.append("announce \(announcement.action ?? "")")
            }
        }
        let interpreter = EffectInterpreter(ledger: ledger, timer: ManualWakeTimer(), announcer: outbox) { _, _, _, _ in
            XCTFail("nothing fails to record here")
        }
        interpreter.perform(engine.wake(now: due.addingTimeInterval(2), slice: 250))
        XCTAssertEqual(ledger.events.count, 250, "the first slice only")
        while engine.isWaking {
            interpreter.perform(engine.continueWake())
            runTurns(outbox)
        }
        runTurns(outbox)
        XCTAssertEqual(expected.count, 601)
        XCTAssertEqual(told, expected.map { "announce \($0.action ?? "")" })
        XCTAssertEqual(ledger.events.compactMap(\.action), ["@morning"] + (0..<600).map { String(format: "call-%03d", $0) })
        XCTAssertEqual(ledger.duplicates, [])
        for (index, recorded) in recordedWhenTold.enumerated() {
            XCTAssertGreaterThan(recorded, index, "reminder \(index) was recorded before it was told")
        }
    }

    /// Stopped (or killed) between two slices: the next start fires each reminder not dealt
    /// with yet once, and none that fired before.
    func testARestartBetweenSlicesLosesNothingAndRepeatsNothing() {
        let plan = manyActions(600)
        var engine = engine(plan)
        let interpreter = EffectInterpreter(ledger: ledger, timer: ManualWakeTimer(), announcer: RecordingAnnouncer()) {
            _, _, _, _ in XCTFail("nothing fails to record here")
        }
        interpreter.perform(engine.wake(now: due.addingTimeInterval(2), slice: 250))
        interpreter.perform(engine.continueWake())
        XCTAssertTrue(engine.isWaking)
        XCTAssertEqual(ledger.events.count, 500)

        let restartedAt = due.addingTimeInterval(30)
        var restarted = Engine.restore(plan: plan, calendar: london, now: restartedAt,
                                       planInForceSince: due.addingTimeInterval(-86_400 * 30), events: ledger.events)
        let announcer = RecordingAnnouncer()
        EffectInterpreter(ledger: ledger, timer: ManualWakeTimer(), announcer: announcer) { _, _, _, _ in
            XCTFail("nothing fails to record here")
        }.perform(restarted.wake(now: restartedAt))
        XCTAssertEqual(announcer.announced.compactMap(\.action), (499..<600).map { String(format: "call-%03d", $0) })
        XCTAssertEqual(ledger.events.filter { $0.kind == .reminder }.count, 601)
        XCTAssertEqual(ledger.duplicates, [])
    }

    /// A command recorded while a wake is in progress is applied after the rest of the wake,
    /// as it would be after a wake done at once: the reminder of its action still fires first.
    func testACommandBetweenSlicesComesAfterTheWake() throws {
        var engine = engine(manyActions(600))
        let now = due.addingTimeInterval(2)
        _ = engine.wake(now: now, slice: 250)
        var done = try engine.prepare(.done(action: "call-599", count: 1, note: nil, day: nil), now: now, source: "test")
        done.id = 1
        let effects = engine.apply(done, now: now)
        XCTAssertFalse(engine.isWaking)
        let fired = effects.compactMap { effect -> String? in if case .fire(let event, _, _) = effect { event.action } else { nil } }
        XCTAssertEqual(fired.count, 351)
        XCTAssertEqual(fired.last, "call-599")
        guard case .announce(let announcement, _)? = effects.first(where: { if case .announce = $0 { true } else { false } })
        else { return XCTFail("the done is announced") }
        XCTAssertEqual(announcement.action, "call-599")
    }
}
