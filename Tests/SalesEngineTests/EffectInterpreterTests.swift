import Foundation
import SalesEngine
import SalesPlan
import XCTest

/// The interpreter the daemon and the simulations share: recorded before announced, once.
final class EffectInterpreterTests: XCTestCase {
    private struct Locked: Error {}

    private let ledger = MemoryReminderLedger()
    private let timer = ManualWakeTimer()
    private let announcer = RecordingAnnouncer()
    private var unrecorded: [Event] = []

    private func interpreter() -> EffectInterpreter {
        EffectInterpreter(ledger: ledger, timer: timer, announcer: announcer) { [unowned self] event, _, _, _ in
            unrecorded.append(event)
        }
    }

    private let day = LocalDay(year: 2026, month: 11, day: 27)!
    private var reminder: Event {
        Event(kind: .reminder, at: Date(timeIntervalSince1970: 1_795_771_800), day: day, action: "calls", slot: "09:30")
    }
    private let announcement = Announcement(kind: .reminder, message: "Call three warm leads", action: "calls")

    /// A first record is announced on the desktop with its buttons; the same reminder again is not.
    func testAReminderIsAnnouncedOnlyOnItsFirstRecord() {
        interpreter().perform([.fire(reminder, announcement, buttons: [.done, .snooze])])
        interpreter().perform([.fire(reminder, announcement, buttons: [.done, .snooze])])
        XCTAssertEqual(ledger.events.map(\.slot), ["09:30"])
        XCTAssertEqual(ledger.duplicates.count, 1)
        XCTAssertEqual(announcer.shown.map(\.0), [announcement])
        XCTAssertEqual(announcer.shown.first?.1, [.done, .snooze])
    }

    /// A reminder whose record fails is handed back unannounced, for the caller to retry.
    func testAFailedRecordIsNotAnnounced() {
        ledger.failure = Locked()
        interpreter().perform([.fire(reminder, announcement, buttons: [])])
        XCTAssertEqual(unrecorded.map(\.slot), ["09:30"])
        XCTAssertTrue(announcer.announced.isEmpty)
        XCTAssertTrue(ledger.events.isEmpty)
    }

    /// Announcements, withdrawals and the timer go to their ports in order.
    func testOtherEffectsReachTheirPorts() {
        let wake = Date(timeIntervalSince1970: 1_795_775_400)
        interpreter().perform([.announce(announcement, desktop: false), .withdraw(action: "calls"), .arm(wake)])
        XCTAssertEqual(announcer.announced, [announcement])
        XCTAssertTrue(announcer.shown.isEmpty, "not for the desktop")
        XCTAssertEqual(announcer.withdrawn, ["calls"])
        XCTAssertEqual(timer.armed, wake)
    }
}
