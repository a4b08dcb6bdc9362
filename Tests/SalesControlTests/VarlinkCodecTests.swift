import SalesControl
import XCTest

final class VarlinkCodecTests: XCTestCase {
    private func decodeCall(_ text: String) throws -> VarlinkCall { try VarlinkCall(decoding: Array(text.utf8)) }

    /// A call survives encoding and decoding, flags included, and ends with one NUL.
    func testCallRoundTrip() throws {
        let call = VarlinkCall(method: "io.x.Iface.Watch", parameters: ["n": 5], more: true)
        let wire = call.encoded()
        XCTAssertEqual(wire.last, 0)
        XCTAssertEqual(String(decoding: wire.dropLast(), as: UTF8.self), #"{"method":"io.x.Iface.Watch","more":true,"parameters":{"n":5}}"#)
        XCTAssertEqual(try VarlinkCall(decoding: wire.dropLast()), call)
        XCTAssertEqual(call.interface, "io.x.Iface")
    }

    /// A reply survives encoding and decoding, with error and continues.
    func testReplyRoundTrip() throws {
        let reply = VarlinkReply(parameters: ["message": "no"], continues: true, error: "io.x.Broken")
        XCTAssertEqual(try VarlinkReply(decoding: reply.encoded().dropLast()), reply)
        XCTAssertEqual(try VarlinkReply(decoding: Array("{}".utf8)), VarlinkReply())
    }

    /// Calls that are not valid Varlink say which part is wrong.
    func testInvalidCallsAreNamed() {
        let cases: [(String, VarlinkProtocolError)] = [
            ("[1]", .notAnObject),
            (#"{"parameters": {}}"#, .invalidField("method")),
            (#"{"method": 7}"#, .invalidField("method")),
            (#"{"method": "a.B", "parameters": []}"#, .invalidField("parameters")),
            (#"{"method": "a.B", "more": "yes"}"#, .invalidField("more")),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try decodeCall(text), text) { XCTAssertEqual($0 as? VarlinkProtocolError, expected, text) }
        }
        XCTAssertThrowsError(try decodeCall("{garbage")) { error in
            guard case .malformedJSON? = error as? VarlinkProtocolError else { return XCTFail("\(error)") }
        }
    }
}
