import Foundation
import SalesControl
import XCTest

final class VarlinkServerTests: XCTestCase {
    private var server: TestServer!

    override func setUpWithError() throws {
        server = try TestServer()
    }

    override func tearDown() {
        server.stop()
    }

    /// GetInfo reports the service and every interface it serves.
    func testGetInfo() throws {
        let info = try server.client().call(VarlinkService.getInfo)
        XCTAssertEqual(info["vendor"], "Test Vendor")
        XCTAssertEqual(info["product"], "testd")
        XCTAssertEqual(info["version"], "1.2.3")
        XCTAssertEqual(info["url"], "https://example.org/testd")
        XCTAssertEqual(info["interfaces"], ["org.varlink.service", "io.test.Iface"])
    }

    /// GetInterfaceDescription returns the interface text; an unknown name is InterfaceNotFound.
    func testGetInterfaceDescription() throws {
        let client = try server.client()
        let reply = try client.call(VarlinkService.getInterfaceDescription, ["interface": "io.test.Iface"])
        XCTAssertEqual(reply["description"]?.string, TestServer.interface)
        XCTAssertThrowsError(try client.call(VarlinkService.getInterfaceDescription, ["interface": "io.nope"])) {
            XCTAssertEqual(remote($0)?.name, VarlinkService.interfaceNotFound); XCTAssertEqual(remote($0)?.parameters, ["interface": "io.nope"])
        }
    }

    /// Unknown interfaces and methods get the standard errors, and the connection stays usable.
    func testUnknownNamesAreRefused() throws {
        let client = try server.client()
        XCTAssertThrowsError(try client.call("io.nope.Iface.Method")) {
            XCTAssertEqual(remote($0)?.name, VarlinkService.interfaceNotFound); XCTAssertEqual(remote($0)?.parameters, ["interface": "io.nope.Iface"])
        }
        XCTAssertThrowsError(try client.call("io.test.Iface.Missing")) {
            XCTAssertEqual(remote($0)?.name, VarlinkService.methodNotFound); XCTAssertEqual(remote($0)?.parameters, ["method": "io.test.Iface.Missing"])
        }
        XCTAssertThrowsError(try client.call("io.test.Iface.Unimplemented")) {
            XCTAssertEqual(remote($0)?.name, VarlinkService.methodNotImplemented); XCTAssertEqual(remote($0)?.parameters, ["method": "io.test.Iface.Unimplemented"])
        }
        XCTAssertEqual(try client.call("io.test.Iface.Method"), ["answer": 42])
    }

    /// A handler's reply reaches the client; its error reaches it with the human message.
    func testHandlerRoundTrip() throws {
        let client = try server.client()
        XCTAssertEqual(try client.call("io.test.Iface.Echo", ["text": "héllo\n"]), ["text": "héllo\n"])
        XCTAssertThrowsError(try client.call("io.test.Iface.Fail")) { error in
            XCTAssertEqual(remote(error)?.name, "io.test.Iface.Broken"); XCTAssertEqual(remote(error)?.parameters, ["message": "it broke (try again)"])
            XCTAssertEqual((error as? VarlinkClientError)?.message, "it broke (try again)")
        }
    }

    /// Calls pipelined in one write are answered in order; a oneway call gets no reply.
    func testPipelinedCallsKeepOrder() throws {
        let socket = try TestSocket(path: server.path)
        socket.write(#"{"method":"io.test.Iface.Echo","parameters":{"text":"1"}}"# + "\0"
            + #"{"method":"io.test.Iface.Echo","parameters":{"text":"2"},"oneway":true}"# + "\0"
            + #"{"method":"io.test.Iface.Method"}"# + "\0"
            + #"{"method":"io.test.Iface.Echo","parameters":{"text":"3"}}"# + "\0")
        XCTAssertEqual(socket.readMessage()?["parameters"], ["text": "1"])
        XCTAssertEqual(socket.readMessage()?["parameters"], ["answer": 42])
        XCTAssertEqual(socket.readMessage()?["parameters"], ["text": "3"])
    }

    /// A client that shuts down its sending side after the call still gets the reply.
    func testHalfClosedClientGetsItsReply() throws {
        let socket = try TestSocket(path: server.path)
        socket.send(#"{"method":"io.test.Iface.Method"}"#)
        shutdown(socket.fd, Int32(SHUT_WR))
        XCTAssertEqual(socket.readMessage()?["parameters"], ["answer": 42])
        XCTAssertTrue(socket.waitForClose())
    }

    /// Malformed JSON and a call without a method get InvalidParameter, then the connection closes.
    func testMalformedCallsGetAnErrorAndClose() throws {
        for bad in ["{not json", "[1,2]", #"{"parameters":{}}"#] {
            let socket = try TestSocket(path: server.path)
            socket.send(bad)
            let reply = socket.readMessage()
            XCTAssertEqual(reply?["error"], .string(VarlinkService.invalidParameter), bad)
            XCTAssertEqual(reply?["parameters"]?["parameter"], "method", bad)
            XCTAssertTrue(socket.waitForClose(), bad)
        }
    }

    /// A message larger than the limit closes the connection.
    func testOversizeMessageCloses() throws {
        server.stop()
        server = try TestServer(maxMessageSize: 1024)
        let socket = try TestSocket(path: server.path)
        socket.write(#"{"method":"io.test.Iface.Echo","parameters":{"text":""# + String(repeating: "y", count: 2000))
        XCTAssertTrue(socket.waitForClose())
        XCTAssertEqual(try server.client().call("io.test.Iface.Method"), ["answer": 42])
    }
}
