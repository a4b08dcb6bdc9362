import Dispatch
import Foundation
import SalesEngine
import XCTest

@testable import SalesSystemd

/// `DesktopNotifier` where there is no notification server, or no bus at all.
final class DesktopNotifierFaultTests: XCTestCase {
    private let queue = DispatchQueue(label: "salesd.test.notifier-faults")
    private var session: DesktopSession?
    private var notifier: DesktopNotifier?

    override func tearDown() {
        queue.sync { notifier = nil }
        session?.stop()
    }

    /// On a bus nobody serves notifications on, status says so and show returns.
    func testNoServerOnTheBus() throws {
        let session = try DesktopSession(withDisplay: false)
        self.session = session
        let (notifier, recorder) = makeNotifier(address: session.busAddress, on: queue)
        self.notifier = notifier

        let status = try XCTUnwrap(recorder.status { $0.reason == DesktopNotifier.noServer })
        XCTAssertFalse(status.available)
        queue.sync { notifier.show(reminder(done: 1), buttons: [.done]) }
        queue.sync { notifier.show(reminder(done: 2), buttons: [.done]) }
        XCTAssertEqual(queue.sync { notifier.status.reason }, DesktopNotifier.noServer)
    }

    /// With no bus at the given address, status names the address and the cause.
    func testNoBus() {
        let address = "unix:path=/tmp/salesd-missing-\(UUID().uuidString.prefix(8))/bus"
        let (notifier, _) = makeNotifier(address: address, on: queue)
        self.notifier = notifier
        let status = queue.sync { notifier.status }

        XCTAssertFalse(status.available)
        XCTAssertEqual(
            status.reason,
            "no session bus: cannot connect to \"\(address)\" (No such file or directory); is dbus-daemon running?")
        queue.sync { notifier.show(reminder(done: 1), buttons: [.done]) }
        XCTAssertFalse(queue.sync { notifier.status.available })
    }

    /// Turned off in the plan: status says where to turn them back on.
    func testDisabledInThePlan() {
        let notifier = queue.sync {
            DesktopNotifier(queue: queue, settings: .init(enabled: false), address: "unix:path=/nonexistent")
        }
        self.notifier = notifier
        XCTAssertEqual(queue.sync { notifier.status.reason }, DesktopNotifier.disabled)
    }
}
