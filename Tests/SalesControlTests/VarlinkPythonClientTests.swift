import Foundation
import RealParts
import SalesContract
import SalesControl
import XCTest

/// The reference Python client (`pip install varlink`) talks to the server.
///
/// The interpreter is the test venv's, handed over by `make test` in `SALESD_TEST_PYTHON`:
/// never a `python3` that happens to be first on PATH.
final class VarlinkPythonClientTests: XCTestCase {
    private var server: TestServer!

    override func tearDown() {
        server?.stop()
    }

    private func varlinkCLI(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let python = try RealPart.tool("SALESD_TEST_PYTHON", what: "the test venv's Python (with the varlink package)")
        let output = try ChildProcess.run(python, ["-m", "varlink.cli"] + arguments)
        return (output.status, output.standardOutput, output.standardError)
    }

    /// `varlink call` gets the handler's reply as JSON.
    func testPythonCall() throws {
        server = try TestServer()
        let result = try varlinkCLI(["call", "unix:\(server.path)/io.test.Iface.Method", "{}"])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertEqual(try TestJSON(decoding: Array(result.out.utf8)), ["answer": 42], result.out + result.err)
    }

    /// `varlink call --more` receives every reply of a stream.
    func testPythonStream() throws {
        server = try TestServer()
        let result = try varlinkCLI(["call", "--more", "unix:\(server.path)/io.test.Iface.Watch", #"{"finish": true}"#])
        XCTAssertEqual(result.status, 0, result.err)
        let replies = result.out.split(separator: "}").map { $0.filter { !$0.isWhitespace } + "}" }.filter { $0 != "}" }
        XCTAssertEqual(replies, [#"{"n":1}"#, #"{"n":2}"#, #"{"n":3}"#, #"{"n":4}"#], result.out)
    }

    /// `varlink info` shows the service and its interfaces.
    func testPythonInfo() throws {
        server = try TestServer()
        let result = try varlinkCLI(["info", "unix:\(server.path)"])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertTrue(result.out.contains("io.test.Iface"), result.out)
        XCTAssertTrue(result.out.contains("Test Vendor"), result.out)
    }

    /// The Python client parses salesd's own interface description (`varlink help`).
    func testPythonParsesControlInterface() throws {
        server = try TestServer(interfaces: [(name: ControlInterface.name, description: ControlInterface.description)])
        let result = try varlinkCLI(["help", "unix:\(server.path)/\(ControlInterface.name)"])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertTrue(result.out.contains("method Watch"), result.out + result.err)
    }
}
