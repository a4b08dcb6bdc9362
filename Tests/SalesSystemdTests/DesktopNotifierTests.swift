import Dispatch
import Foundation
import SalesEngine
import SalesPlan
import XCTest

@testable import SalesSystemd

/// `DesktopNotifier` against a real dbus-daemon and dunst on a private Xvfb display.
final class DesktopNotifierTests: XCTestCase {
    private var session: DesktopSession!
    private var recorder: DesktopRecorder!
    private var notifier: DesktopNotifier!
    private let queue = DispatchQueue(label: "salesd.test.notifier")

    override func setUpWithError() throws {
        session = try DesktopSession()
        try session.startDunst()
        (notifier, recorder) = makeNotifier(address: session.busAddress, on: queue)
        XCTAssertNotNil(recorder.status { $0.available }, "dunst never became available")
    }

    override func tearDown() {
        queue.sync { notifier = nil }
        session?.stop()
    }

    private func show(_ announcement: Announcement, buttons: [NotificationButton] = [.done, .snooze, .skip]) {
        queue.sync { notifier.show(announcement, buttons: buttons) }
    }

    /// A reminder appears on the desktop with the action's title and "Step · done of target today".
    func testReminderIsShown() throws {
        show(reminder(done: 2))
        XCTAssertNotNil(recorder.notifiedID(1))
        XCTAssertTrue(session.waitUntil { (try? self.session.displayedCount()) == 1 })
        let shot = try session.screenshot(named: "notification.png")
        XCTAssertTrue(FileManager.default.fileExists(atPath: shot.path))

        try session.dunstctl("close")
        let entry = try XCTUnwrap(session.history().first)
        XCTAssertEqual(entry["summary"] as? String, "Send 5 connection requests")
        XCTAssertEqual(entry["body"] as? String, "Connect · 2 of 5 today")
        XCTAssertEqual(entry["appname"] as? String, "salesd")
        XCTAssertEqual(entry["category"] as? String, "x-salesd.reminder")
    }

    /// A re-reminder for the same action replaces the one on screen instead of adding another.
    func testReReminderReplacesThePreviousOne() throws {
        show(reminder(done: 1))
        let first = try XCTUnwrap(recorder.notifiedID(1))
        show(reminder(done: 2))
        let second = try XCTUnwrap(recorder.notifiedID(2))

        XCTAssertEqual(second, first)
        XCTAssertEqual(try session.displayedCount(), 1)
        try session.dunstctl("close-all")
        let history = try session.history()
        XCTAssertEqual(history.count, 1)
        XCTAssertEqual(history.first?["body"] as? String, "Connect · 2 of 5 today")
    }

    /// Reminders for different actions are shown side by side.
    func testDifferentActionsPileUp() throws {
        show(reminder(done: 1))
        show(reminder(action: "invites", title: "Invite 2 people", done: 0, target: 2))
        XCTAssertNotNil(recorder.notifiedID(2))
        XCTAssertTrue(session.waitUntil { (try? self.session.displayedCount()) == 2 })
    }

    /// Choosing "Done" on a reminder reports (action, done) and closes the notification.
    func testDoneButtonIsReported() throws {
        show(reminder(done: 2))
        XCTAssertNotNil(recorder.notifiedID(1))
        try session.choose("done")
        try session.dunstctl("context")

        XCTAssertEqual(recorder.press(), ButtonPress(action: "connection-requests", button: .done))
        XCTAssertTrue(session.waitUntil { (try? self.session.displayedCount()) == 0 })
    }

    /// Withdrawing an action (done elsewhere, skipped) takes its notification off the screen.
    func testWithdrawClosesTheNotification() throws {
        show(reminder(done: 2))
        XCTAssertNotNil(recorder.notifiedID(1))
        XCTAssertTrue(session.waitUntil { (try? self.session.displayedCount()) == 1 })
        queue.sync { notifier.withdraw(action: "connection-requests") }
        XCTAssertTrue(session.waitUntil { (try? self.session.displayedCount()) == 0 })
    }

    /// Status names the server and the capabilities it announced, buttons included.
    func testStatusNamesServerAndCapabilities() {
        let status = queue.sync { notifier.status }
        XCTAssertTrue(status.available)
        XCTAssertEqual(status.server?.hasPrefix("dunst "), true, "\(status)")
        XCTAssertTrue(status.capabilities.contains("actions"), "\(status.capabilities)")
        XCTAssertNil(status.reason)
    }

    /// dunst exits: status says why, shows are dropped quietly; it restarts: shows work again.
    func testServerRestartIsPickedUp() throws {
        let before = recorder.statusCount
        session.stopDunst()
        let down = try XCTUnwrap(recorder.status(after: before) { !$0.available })
        XCTAssertEqual(down.reason, DesktopNotifier.noServer)
        show(reminder(done: 1))
        show(reminder(done: 2))

        let stopped = recorder.statusCount
        try session.startDunst()
        XCTAssertNotNil(recorder.status(after: stopped) { $0.available })
        show(reminder(done: 3))
        XCTAssertTrue(session.waitUntil { (try? self.session.displayedCount()) == 1 })
        try session.dunstctl("close")
        XCTAssertEqual(try session.history().first?["body"] as? String, "Connect · 3 of 5 today")
    }

    /// The bus daemon goes away: status says the bus was lost, and nothing crashes.
    func testLosingTheBusIsReported() throws {
        let before = recorder.statusCount
        session.stopBus()
        // dunst may be seen leaving first; what matters is that the lost bus is named.
        XCTAssertNotNil(recorder.status(after: before) { $0.reason?.hasPrefix("lost the session bus") == true })
        show(reminder(done: 1))
        XCTAssertFalse(queue.sync { notifier.status.available })
    }
}

/// A notifier made on `queue`, with a recorder already listening to it.
func makeNotifier(address: String, on queue: DispatchQueue) -> (DesktopNotifier, DesktopRecorder) {
    let recorder = DesktopRecorder()
    let notifier = queue.sync {
        let notifier = DesktopNotifier(
            queue: queue, settings: NotificationSettings(), stepNames: ["connect": "Connect"], address: address)
        recorder.record(notifier.status)
        notifier.onStatusChange = { recorder.record($0) }
        notifier.onButton = { recorder.record($0) }
        notifier.onNotified = { recorder.record(slot: $0, id: $1) }
        return notifier
    }
    return (notifier, recorder)
}

/// A reminder as the engine announces it.
func reminder(
    action: String = "connection-requests", title: String = "Send 5 connection requests", done: Int, target: Int = 5
) -> Announcement {
    Announcement(
        kind: .reminder, message: "Reminder: \(title)", action: action, step: "connect", title: title, done: done,
        target: target)
}
