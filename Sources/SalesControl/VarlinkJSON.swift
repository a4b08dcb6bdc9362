#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Foundation's JSON coders as the Varlink layer uses them: compact, sorted keys, slashes kept.
enum VarlinkJSON {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(type, from: data)
    }

    /// A message's envelope (a call's method and flags, a reply's error and `continues`); a
    /// message that is not one is a protocol error.
    static func envelope<T: Decodable>(_ type: T.Type, of message: Data) throws(VarlinkProtocolError) -> T {
        do {
            return try decode(type, from: message)
        } catch {
            throw VarlinkProtocolError(error)
        }
    }

    /// The parameters of a message (`{"parameters": {…}, …}`) as `P`; absent or null
    /// parameters decode as an empty object, so a method without required ones needs none.
    static func parameters<P: Decodable>(_ type: P.Type, in message: Data) throws -> P {
        if let parameters = try decode(ParametersEnvelope<P>.self, from: message).parameters { return parameters }
        return try decode(P.self, from: Data("{}".utf8))
    }

    /// `{"parameters": <P>, …}`: the other members of the message are ignored.
    private struct ParametersEnvelope<P: Decodable>: Decodable {
        let parameters: P?
    }
}

/// Any JSON object, its members unread: checks that `parameters` is an object without decoding it.
struct JSONObjectShape: Decodable {
    init(from decoder: any Decoder) throws {
        _ = try decoder.container(keyedBy: AnyCodingKey.self)
    }
}

/// A coding key for any member name.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
