import Foundation
import SalesEngine
import SalesPlan
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
}
