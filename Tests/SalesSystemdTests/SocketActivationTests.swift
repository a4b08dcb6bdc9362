import Foundation
import SalesSystemd
import XCTest

/// Taking the control socket systemd passed (`salesd.socket`).
final class SocketActivationTests: XCTestCase {
    override func tearDown() {
        for name in ["LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"] { unsetenv(name) }
    }

    /// Without LISTEN_FDS there is nothing to take.
    func testNotActivated() throws {
        XCTAssertEqual(try SocketActivation.listeningSockets(), [])
    }

    /// Variables meant for another process (LISTEN_PID differs) are ignored.
    func testVariablesForAnotherProcess() throws {
        setenv("LISTEN_FDS", "1", 1)
        setenv("LISTEN_PID", String(getpid() + 1), 1)
        XCTAssertEqual(try SocketActivation.listeningSockets(), [])
    }

    /// A passed socket at fd 3 is returned, marked close-on-exec, and the variables are cleared.
    func testPassedSocket() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("salesd-listen-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un(path: folder + "/control.sock")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        XCTAssertEqual(listen(listener, 1), 0)

        // systemd passes sockets from fd 3 on; keep whatever the test runner has there aside.
        let start: Int32 = 3
        let saved = dup(start)
        defer {
            if saved >= 0 { dup2(saved, start); close(saved) } else { close(start) }
            close(listener)
        }
        XCTAssertEqual(dup2(listener, start), start)
        setenv("LISTEN_FDS", "1", 1)
        setenv("LISTEN_PID", String(getpid()), 1)

        XCTAssertEqual(try SocketActivation.listeningSockets(), [start])
        XCTAssertNotEqual(fcntl(start, F_GETFD) & FD_CLOEXEC, 0)
        XCTAssertNil(getenv("LISTEN_FDS"))
    }
}
