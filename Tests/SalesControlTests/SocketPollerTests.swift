import Dispatch
import Foundation
import XCTest
@testable import SalesControl
#if canImport(Glibc)
import Glibc
#endif

final class SocketPollerTests: XCTestCase {
    private let queue = DispatchQueue(label: "test.poller")
    private var pair: [Int32] = [-1, -1]
    private let inbox = Inbox()
    private var poller: SocketPoller!

    /// What the poller delivered; touched only on `queue`.
    private final class Inbox: @unchecked Sendable {
        var events: [SocketPoller.Event] = []
    }

    override func setUpWithError() throws {
        XCTAssertEqual(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair), 0)
        let inbox = inbox
        poller = try SocketPoller(queue: queue) { event in inbox.events.append(event) }
    }

    override func tearDown() {
        poller?.stop()
        for fd in pair where fd >= 0 { close(fd) }
    }

    /// The events delivered so far, once `count` of them arrived or `seconds` passed.
    private func events(count: Int, within seconds: Double = 5) -> [SocketPoller.Event] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let now = queue.sync { inbox.events }
            if now.count >= count { return now }
            usleep(5_000)
        }
        return queue.sync { inbox.events }
    }

    func testAReadinessFiresOnceUntilArmedAgain() {
        XCTAssertTrue(poller.add(pair[0], token: 7, for: .read))
        XCTAssertEqual(write(pair[1], "x", 1), 1)
        let first = events(count: 1)
        XCTAssertEqual(first.map(\.token), [7])
        XCTAssertTrue(first[0].read)
        XCTAssertFalse(first[0].write)
        // The byte is still unread: a level-triggered set would fire again and again.
        XCTAssertEqual(events(count: 2, within: 0.3).count, 1)
        poller.watch(pair[0], token: 7, for: .read)
        XCTAssertEqual(events(count: 2).map(\.token), [7, 7])
    }

    func testAHangUpReadsAsReadable() {
        XCTAssertTrue(poller.add(pair[0], token: 3, for: .read))
        close(pair[1])
        pair[1] = -1
        let fired = events(count: 1)
        XCTAssertEqual(fired.map(\.token), [3])
        XCTAssertTrue(fired[0].read, "events \(fired[0].events)")
    }

    func testWritableFiresForWriteInterestOnly() {
        XCTAssertTrue(poller.add(pair[0], token: 5, for: []))
        XCTAssertEqual(events(count: 1, within: 0.3).count, 0)
        poller.watch(pair[0], token: 5, for: .write)
        let fired = events(count: 1)
        XCTAssertEqual(fired.map(\.token), [5])
        XCTAssertTrue(fired[0].write)
    }

    func testARemovedSocketStaysQuiet() {
        XCTAssertTrue(poller.add(pair[0], token: 9, for: .read))
        poller.remove(pair[0])
        XCTAssertEqual(write(pair[1], "x", 1), 1)
        XCTAssertEqual(events(count: 1, within: 0.3).count, 0)
    }

    func testStopClosesTheSet() throws {
        let second = try SocketPoller(queue: queue) { _ in }
        let set = "/proc/self/fd/\(second.epollFD)"
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: set), "anon_inode:[eventpoll]")
        second.stop()
        // Closed by the source's cancel handler, on the queue; the number may be reused after.
        let deadline = Date().addingTimeInterval(5)
        while (try? FileManager.default.destinationOfSymbolicLink(atPath: set)) == "anon_inode:[eventpoll]", Date() < deadline {
            usleep(5_000)
        }
        XCTAssertNotEqual(try? FileManager.default.destinationOfSymbolicLink(atPath: set), "anon_inode:[eventpoll]")
    }
}
