#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A Varlink reply: `{"parameters": {…}, "continues"?: true, "error"?: "io.x.Error"}`.
///
/// Like a call, a received reply keeps its message; ``parameters(_:)`` decodes it typed.
public struct VarlinkReply: Sendable {
    /// More replies to the same call follow.
    public var continues: Bool
    /// A fully qualified error name when the call failed (`org.varlink.service.MethodNotFound`).
    public var error: String?
    private let body: Body

    private enum Body: Sendable {
        /// The parameters object alone, encoded for sending.
        case parameters(Data)
        /// A whole message as received (without its NUL terminator).
        case message(Data)
    }

    /// A reply to send.
    public init(parameters: some Encodable, continues: Bool = false, error: String? = nil) throws {
        self.continues = continues
        self.error = error
        body = .parameters(try VarlinkJSON.encode(parameters))
    }

    /// An error reply whose parameters are `parameters`, e.g. `["parameter": "interface"]`.
    public static func failure(_ error: String, parameters: [String: String] = [:]) -> VarlinkReply {
        // Encoding a dictionary of strings cannot fail.
        try! VarlinkReply(parameters: parameters, error: error)
    }

    /// Reads a reply from one message (without its NUL terminator).
    public init(decoding message: some Sequence<UInt8>) throws(VarlinkProtocolError) {
        let data = Data(message)
        let envelope = try VarlinkJSON.envelope(Incoming.self, of: data)
        continues = envelope.continues ?? false
        self.error = envelope.error
        body = .message(data)
    }

    /// The reply's parameters as `P`.
    public func parameters<P: Decodable>(_ type: P.Type) throws -> P {
        switch body {
        case .parameters(let data): try VarlinkJSON.decode(type, from: data)
        case .message(let data): try VarlinkJSON.parameters(type, in: data)
        }
    }

    /// The wire form: compact JSON followed by the NUL terminator.
    public func encoded() -> Data {
        var data: Data
        switch body {
        case .message(let message):
            data = message
        case .parameters(let parameters):
            data = Data(#"{"parameters":"#.utf8)
            data.append(parameters)
            if continues { data.append(contentsOf: #","continues":true"#.utf8) }
            if let error, let name = try? VarlinkJSON.encode(error) {
                data.append(contentsOf: #","error":"#.utf8)
                data.append(name)
            }
            data.append(UInt8(ascii: "}"))
        }
        data.append(0)
        return data
    }

    private struct Incoming: Decodable {
        let parameters: JSONObjectShape?
        let continues: Bool?
        let error: String?
    }
}
