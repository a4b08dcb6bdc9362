import Foundation
import SalesSystemd
import XCTest

/// The datagrams systemd receives for each state change (`Type=notify`).
final class ServiceNotifierTests: XCTestCase {
    private var socket: NotifySocket!
    private let notifier = ServiceNotifier()

    override func setUpWithError() throws { socket = try NotifySocket() }

    override func tearDown() { socket.restore() }

    /// Start-up sends READY=1 with the status line in one datagram.
    func testReadyWithStatus() throws {
        try notifier.ready(status: "Next: connection-requests at 09:30")
        XCTAssertEqual(socket.receive(), "READY=1\nSTATUS=Next: connection-requests at 09:30")
    }

    /// A status with a line break stays one status line instead of injecting assignments.
    func testStatusIsOneLine() throws {
        try notifier.status("Next: follow-ups\nREADY=1")
        XCTAssertEqual(socket.receive(), "STATUS=Next: follow-ups READY=1")
    }

    /// A reload says RELOADING=1 with the monotonic time at which it began.
    func testReloadingCarriesMonotonicTime() throws {
        var before = timespec(), after = timespec()
        clock_gettime(CLOCK_MONOTONIC, &before)
        try notifier.reloading()
        clock_gettime(CLOCK_MONOTONIC, &after)

        let lines = try XCTUnwrap(socket.receive()).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines.first, "RELOADING=1")
        let usec = try XCTUnwrap(lines.last.flatMap { $0.hasPrefix("MONOTONIC_USEC=") ? UInt64($0.dropFirst(15)) : nil })
        XCTAssertLessThanOrEqual(UInt64(before.tv_sec) * 1_000_000 + UInt64(before.tv_nsec) / 1000, usec)
        XCTAssertLessThanOrEqual(usec, UInt64(after.tv_sec) * 1_000_000 + UInt64(after.tv_nsec) / 1000)
    }

    /// Stopping and watchdog pings are single assignments.
    func testStoppingAndWatchdog() throws {
        try notifier.stopping()
        XCTAssertEqual(socket.receive(), "STOPPING=1")
        try notifier.watchdogPing()
        XCTAssertEqual(socket.receive(), "WATCHDOG=1")
    }

    /// Outside systemd nothing is sent and nothing fails.
    func testNoSocketIsANoOp() throws {
        unsetenv("NOTIFY_SOCKET")
        XCTAssertFalse(notifier.isEnabled)
        XCTAssertNoThrow(try notifier.ready(status: "ignored"))
    }

    /// A socket that is gone is reported, naming the call and the socket.
    func testMissingSocketIsAnError() throws {
        setenv("NOTIFY_SOCKET", "/nonexistent/salesd-notify", 1)
        XCTAssertThrowsError(try notifier.status("x")) { error in
            let failure = error as? SystemCallError
            XCTAssertEqual(failure?.call, "sd_notify")
            XCTAssertEqual(failure?.code, ENOENT)
            XCTAssertTrue(failure?.description.contains("/nonexistent/salesd-notify") ?? false)
        }
    }

    /// The watchdog interval comes from WATCHDOG_USEC when WATCHDOG_PID is this process.
    func testWatchdogInterval() {
        defer { unsetenv("WATCHDOG_USEC"); unsetenv("WATCHDOG_PID") }
        XCTAssertNil(notifier.watchdogInterval)
        setenv("WATCHDOG_USEC", "30000000", 1)
        setenv("WATCHDOG_PID", String(getpid()), 1)
        XCTAssertEqual(notifier.watchdogInterval, .seconds(30))
        setenv("WATCHDOG_PID", String(getpid() + 1), 1)
        XCTAssertNil(notifier.watchdogInterval)
    }
}
