import Foundation
import SalesControl
import XCTest

final class VarlinkAbuseTests: XCTestCase {
    private var server: TestServer!

    override func tearDown() {
        server?.stop()
    }

    /// A client that starts a message and never finishes it is disconnected after idleTimeout.
    func testSlowLorisIsClosed() throws {
        server = try TestServer(idleTimeout: 0.5)
        let loris = try TestSocket(path: server.path)
        loris.write(#"{"method":"io.test.If"#)
        XCTAssertTrue(loris.waitForClose())
        XCTAssertTrue(server.queue.sync { server.diagnostics.contains { $0.contains("message incomplete") } })
    }

    /// An idle client with no partial message is left alone by the idle timer.
    func testIdleClientWithoutPartialMessageStays() throws {
        server = try TestServer(idleTimeout: 0.2)
        let idle = try TestSocket(path: server.path)
        let partial = try TestSocket(path: server.path)
        partial.write("{")
        XCTAssertTrue(partial.waitForClose())
        // The partial client's timer has fired, so the idle one's would have too.
        idle.send(#"{"method":"io.test.Iface.Method"}"#)
        XCTAssertEqual(idle.readMessage()?["parameters"], ["answer": 42])
    }

    /// Many idle connections do not keep a working client from being served.
    func testTwoHundredIdleConnections() throws {
        server = try TestServer(maxConnections: 256)
        let idle = try (0..<200).map { _ in try TestSocket(path: server.path) }
        let client = try server.client()
        XCTAssertEqual(try client.call("io.test.Iface.Echo", ["text": "still here"]), ["text": "still here"])
        XCTAssertEqual(server.queue.sync { server.server.connectionCount }, 201)
        withExtendedLifetime(idle) {}
    }

    /// One reply larger than the unread-output limit still reaches a client that reads it.
    func testOneLargeReplyIsDelivered() throws {
        server = try TestServer()
        let client = try server.client()
        let reply = try client.call("io.test.Iface.Big", ["size": .int(1 << 20)])
        XCTAssertEqual(reply["text"]?.string?.count, 1 << 20)
    }

    /// When full, the connection idle the longest makes room for a new client.
    func testIdleConnectionMakesRoomWhenFull() throws {
        server = try TestServer(maxConnections: 1)
        let idle = try TestSocket(path: server.path)
        let client = try server.client()
        XCTAssertEqual(try client.call("io.test.Iface.Method"), ["answer": 42])
        XCTAssertTrue(idle.waitForClose())
    }

    /// When full of clients that are busy (here: halfway through a message), a new one is closed.
    func testConnectionsBeyondTheLimitAreClosedWhenNoneIsIdle() throws {
        server = try TestServer(maxConnections: 1)
        let busy = try TestSocket(path: server.path)
        busy.write(#"{"method":"io.test.Iface.Me"#)
        let deadline = Date().addingTimeInterval(5)
        while server.queue.sync(execute: { server.server.connectionCount }) == 0, Date() < deadline {}
        let second = try TestSocket(path: server.path)
        XCTAssertTrue(second.waitForClose())
        withExtendedLifetime(busy) {}
    }

    /// A client running as another user is refused with PermissionDenied.
    func testOtherUserIsRefused() throws {
        server = try TestServer(allowedUID: geteuid() &+ 1)
        let client = try server.client()
        XCTAssertThrowsError(try client.call("io.test.Iface.Method")) {
            XCTAssertEqual(remote($0)?.name, VarlinkService.permissionDenied); XCTAssertEqual(remote($0)?.parameters, [:])
        }
        XCTAssertEqual(server.queue.sync { server.server.connectionCount }, 0)
    }
}
