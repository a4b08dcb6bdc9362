import SalesControl
import XCTest

final class VarlinkCodecTests: XCTestCase {
    private func decodeCall(_ text: String) throws -> VarlinkCall { try VarlinkCall(decoding: Array(text.utf8)) }

    /// A call survives encoding and decoding, flags included, and ends with one NUL.
    func testCallRoundTrip() throws {
        let call = try VarlinkCall(method: "io.x.Iface.Watch", parameters: ["n": 5] as [String: TestJSON], more: true)
        let wire = call.encoded()
        XCTAssertEqual(wire.last, 0)
        XCTAssertEqual(String(decoding: wire.dropLast(), as: UTF8.self), #"{"method":"io.x.Iface.Watch","more":true,"parameters":{"n":5}}"#)
        let decoded = try VarlinkCall(decoding: wire.dropLast())
        XCTAssertEqual(decoded.method, call.method)
        XCTAssertEqual(decoded.more, true)
        XCTAssertEqual(decoded.oneway, false)
        XCTAssertEqual(try decoded.parameters([String: TestJSON].self), ["n": 5])
        XCTAssertEqual(call.interface, "io.x.Iface")
    }

    /// A reply survives encoding and decoding, with error and continues.
    func testReplyRoundTrip() throws {
        let reply = try VarlinkReply(parameters: ["message": "no"], continues: true, error: "io.x.Broken")
        let decoded = try VarlinkReply(decoding: reply.encoded().dropLast())
        XCTAssertEqual(decoded.error, "io.x.Broken")
        XCTAssertEqual(decoded.continues, true)
        XCTAssertEqual(decoded.json, ["message": "no"])
        let empty = try VarlinkReply(decoding: Array("{}".utf8))
        XCTAssertEqual(empty.json, [:])
        XCTAssertNil(empty.error)
        XCTAssertFalse(empty.continues)
    }

    /// Typed parameters name the parameter that is missing or of the wrong type.
    func testParameterErrorsNameTheParameter() throws {
        struct Done: Decodable { let action: String; let count: Int? }
        let call = { (text: String) in try VarlinkCall(decoding: Array(text.utf8)) }
        XCTAssertThrowsError(try call(#"{"method":"a.B","parameters":{"count":1}}"#).parameters(Done.self)) {
            XCTAssertEqual($0 as? VarlinkParameterError, VarlinkParameterError(parameter: "action", message: "action is required"))
        }
        XCTAssertThrowsError(try call(#"{"method":"a.B","parameters":{"action":"x","count":"2"}}"#).parameters(Done.self)) {
            XCTAssertEqual($0 as? VarlinkParameterError, VarlinkParameterError(parameter: "count", message: "count must be a whole number"))
        }
        XCTAssertEqual(try call(#"{"method":"a.B","parameters":{"action":"x"}}"#).parameters(Done.self).action, "x")
        XCTAssertEqual(try call(#"{"method":"a.B"}"#).parameters([String: Int].self), [:])
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
