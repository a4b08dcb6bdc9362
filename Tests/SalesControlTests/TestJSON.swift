import Foundation
import SalesControl

/// Any JSON value, for tests that send and read arbitrary parameters. Encoded and decoded by
/// Foundation's coders, so the tests read the wire exactly as a typed client would.
enum TestJSON: Codable, Equatable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    case null, bool(Bool), int(Int), double(Double), string(String), array([TestJSON]), object([String: TestJSON])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(nilLiteral: ()) { self = .null }
    init(dictionaryLiteral elements: (String, TestJSON)...) { self = .object(Dictionary(uniqueKeysWithValues: elements)) }
    init(arrayLiteral elements: TestJSON...) { self = .array(elements) }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let b = try? container.decode(Bool.self) { self = .bool(b) }
        else if let i = try? container.decode(Int.self) { self = .int(i) }
        else if let d = try? container.decode(Double.self) { self = .double(d) }
        else if let s = try? container.decode(String.self) { self = .string(s) }
        else if let a = try? container.decode([TestJSON].self) { self = .array(a) }
        else { self = .object(try container.decode([String: TestJSON].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .int(let i): try container.encode(i)
        case .double(let d): try container.encode(d)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }

    /// Parses JSON text with Foundation's decoder.
    init(decoding bytes: some Sequence<UInt8>) throws {
        self = try JSONDecoder().decode(TestJSON.self, from: Data(bytes))
    }

    subscript(key: String) -> TestJSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    var string: String? { if case .string(let s) = self { s } else { nil } }
    var int: Int? { if case .int(let i) = self { i } else { nil } }
    var object: [String: TestJSON]? { if case .object(let o) = self { o } else { nil } }
}

extension VarlinkClient {
    /// Calls `method` with untyped parameters and returns the reply's.
    func call(_ method: String, _ parameters: [String: TestJSON] = [:]) throws -> [String: TestJSON] {
        try call(method, parameters, replying: [String: TestJSON].self)
    }

    /// Streams `method` with untyped replies.
    func stream(_ method: String, _ parameters: [String: TestJSON] = [:], _ each: ([String: TestJSON]) -> Bool) throws {
        try stream(method, parameters, replying: [String: TestJSON].self, each)
    }
}

extension VarlinkReply {
    /// The parameters as untyped JSON.
    var json: [String: TestJSON] { (try? parameters([String: TestJSON].self)) ?? [:] }
}

/// A remote error's name and parameters, when `error` is one.
func remote(_ error: any Error) -> (name: String, parameters: [String: TestJSON])? {
    guard case .remote(let name, let reply)? = error as? VarlinkClientError else { return nil }
    return (name, reply.json)
}
