import Foundation
import SalesControl
import XCTest

final class VarlinkStreamingTests: XCTestCase {
    private var server: TestServer!

    override func tearDown() {
        server?.stop()
    }

    /// A `more` call streams replies; when the client leaves, the handler hears onClose.
    func testStreamThenDisconnectFiresOnClose() throws {
        server = try TestServer()
        let client = try server.client()
        var received: [TestJSON] = []
        try client.stream("io.test.Iface.Watch") { parameters in
            received.append(parameters["n"] ?? nil)
            return received.count < 3
        }
        XCTAssertEqual(received, [1, 2, 3])
        wait(for: [server.closed], timeout: 10)
        XCTAssertEqual(server.queue.sync { server.streams.count }, 0)
    }

    /// A streaming method called without `more` is refused with ExpectedMore.
    func testStreamWithoutMoreIsRefused() throws {
        server = try TestServer()
        XCTAssertThrowsError(try server.client().call("io.test.Iface.Watch")) {
            XCTAssertEqual(remote($0)?.name, VarlinkService.expectedMore); XCTAssertEqual(remote($0)?.parameters, [:])
        }
    }

    /// A client that never reads its stream is dropped, and other clients are answered meanwhile.
    func testClientThatNeverReadsDoesNotStallOthers() throws {
        server = try TestServer()
        let greedy = try TestSocket(path: server.path)
        greedy.send(#"{"method":"io.test.Iface.Flood","more":true}"#)
        let client = try server.client()
        for n in 1...20 {
            XCTAssertEqual(try client.call("io.test.Iface.Echo", ["text": .string("\(n)")]), ["text": .string("\(n)")])
        }
        wait(for: [server.closed], timeout: 30)
        XCTAssertTrue(server.queue.sync { server.diagnostics.contains { $0.contains("reads no replies") } })
        XCTAssertEqual(try client.call("io.test.Iface.Method"), ["answer": 42])
    }
}
