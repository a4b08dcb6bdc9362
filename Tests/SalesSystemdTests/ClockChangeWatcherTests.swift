import Dispatch
import Foundation
import RealParts
import SalesSystemd
import Synchronization
import XCTest

/// Noticing that the wall clock was set.
final class ClockChangeWatcherTests: XCTestCase {
    /// Sets CLOCK_REALTIME to its own current value: it cancels CANCEL_ON_SET timers like a real
    /// jump, while moving the clock by only the microseconds between reading and setting it.
    private func setClockToNow() throws {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        guard clock_settime(CLOCK_REALTIME, &now) == 0 else {
            throw RealPart.missing("setting the clock needs CAP_SYS_TIME: \(String(cString: strerror(errno)))",
                                   hint: "run the tests as root")
        }
    }

    /// Each setting of the clock calls the handler, on the queue given, again after the first.
    func testHandlerRunsOnEveryClockChange() throws {
        let queue = DispatchQueue(label: "clock-test")
        let first = expectation(description: "first change noticed")
        let second = expectation(description: "second change noticed")
        let pending = PendingExpectations([first, second])
        let watcher = try ClockChangeWatcher(queue: queue) {
            dispatchPrecondition(condition: .onQueue(queue))
            pending.fulfillNext()
        }
        defer { watcher.cancel() }

        try setClockToNow()
        wait(for: [first], timeout: 5)
        try setClockToNow()
        wait(for: [second], timeout: 5)
    }
}

/// Fulfils expectations in order, one per call.
final class PendingExpectations: Sendable {
    private let remaining: Mutex<[XCTestExpectation]>

    init(_ expectations: [XCTestExpectation]) { remaining = Mutex(expectations) }

    func fulfillNext() {
        let next = remaining.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        next?.fulfill()
    }
}
