import Foundation
import SalesControl
import XCTest

final class VarlinkSocketTests: XCTestCase {
    /// The socket's folder is created 0700, the socket is 0600, and stop() removes it.
    func testSocketModesAndCleanup() throws {
        let server = try TestServer()
        let folderMode = try FileManager.default.attributesOfItem(atPath: server.folder + "/run")[.posixPermissions] as? Int
        let socketMode = try FileManager.default.attributesOfItem(atPath: server.path)[.posixPermissions] as? Int
        XCTAssertEqual(folderMode, 0o700)
        XCTAssertEqual(socketMode, 0o600)
        server.queue.sync { server.server.stop() }
        XCTAssertFalse(FileManager.default.fileExists(atPath: server.path))
        server.stop()
    }

    /// Binding where a server answers is refused with a message telling how to stop it.
    func testSecondServerIsRefused() throws {
        let server = try TestServer()
        defer { server.stop() }
        XCTAssertThrowsError(try VarlinkServer.bindSocket(path: server.path)) { error in
            XCTAssertEqual(error as? VarlinkServerError, .alreadyRunning(path: server.path))
            XCTAssertEqual("\(error)", "salesd is already running: \(server.path) answers (stop it with `systemctl --user stop salesd` or use --socket)")
        }
        XCTAssertEqual(try server.client().call("io.test.Iface.Method"), ["answer": 42])
    }

    /// A stale socket file left by a crashed server is replaced.
    func testStaleSocketIsReplaced() throws {
        let folder = try TestServer.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/control.sock"
        let stale = try VarlinkServer.bindSocket(path: path)
        close(stale)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        let fd = try VarlinkServer.bindSocket(path: path)
        close(fd)
    }

    /// The client reports a missing socket as unreachable, naming the path.
    func testClientReportsMissingSocket() throws {
        let folder = try TestServer.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/none.sock"
        XCTAssertThrowsError(try VarlinkClient(path: path)) {
            guard case .unreachable(path, "No such file or directory")? = $0 as? VarlinkClientError else {
                return XCTFail("\($0)")
            }
        }
    }

    /// A server started from another thread on a socket-activation style fd answers, and leaves
    /// the file to its owner.
    func testStartOnListeningFD() throws {
        let folder = try TestServer.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/activated.sock"
        let fd = try VarlinkServer.bindSocket(path: path)
        let queue = DispatchQueue(label: "test.activated")
        let server = VarlinkServer(queue: queue, service: TestServer.service) { $0.reply(["answer": 7]) }
        try server.start(listeningFD: fd)
        XCTAssertEqual(try VarlinkClient(path: path).call("io.test.Iface.Method"), ["answer": 7])
        server.stop()
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
    }
}
