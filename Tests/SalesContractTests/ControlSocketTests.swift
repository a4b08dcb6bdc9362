import SalesContract
import XCTest

/// The socket the daemon listens on and its clients dial when none is named.
final class ControlSocketTests: XCTestCase {
    func testTheRuntimeDirectoryWhenSetElseTheUsersRunFolder() {
        XCTAssertEqual(ControlSocket.defaultPath(runtimeDirectory: "/run/user/1000", uid: 1000), "/run/user/1000/salesd/control.sock")
        XCTAssertEqual(ControlSocket.defaultPath(runtimeDirectory: "/tmp/rt", uid: 1000), "/tmp/rt/salesd/control.sock")
        XCTAssertEqual(ControlSocket.defaultPath(runtimeDirectory: nil, uid: 1001), "/run/user/1001/salesd/control.sock")
        XCTAssertEqual(ControlSocket.defaultPath(runtimeDirectory: "", uid: 1001), "/run/user/1001/salesd/control.sock",
                       "an empty XDG_RUNTIME_DIR counts as unset")
    }
}
