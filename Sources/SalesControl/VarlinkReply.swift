import Foundation

/// A Varlink reply: `{"parameters": {…}, "continues"?: true, "error"?: "io.x.Error"}`.
public struct VarlinkReply: Sendable, Hashable {
    public var parameters: [String: JSONValue]
    /// More replies to the same call follow.
    public var continues: Bool
    /// A fully qualified error name when the call failed (`org.varlink.service.MethodNotFound`).
    public var error: String?

    public init(parameters: [String: JSONValue] = [:], continues: Bool = false, error: String? = nil) {
        self.parameters = parameters
        self.continues = continues
        self.error = error
    }

    /// An error reply.
    public static func failure(_ error: String, parameters: [String: JSONValue] = [:]) -> VarlinkReply {
        VarlinkReply(parameters: parameters, error: error)
    }

    /// Reads a reply from one message (without its NUL terminator).
    public init(decoding message: some Sequence<UInt8>) throws(VarlinkProtocolError) {
        let value: JSONValue
        do { value = try JSONValue(decoding: message) } catch { throw .malformedJSON(error) }
        guard let object = value.object else { throw .notAnObject }
        switch object["parameters"] {
        case nil, .null?: parameters = [:]
        case .object(let fields)?: parameters = fields
        default: throw .invalidField("parameters")
        }
        switch object["continues"] {
        case nil, .null?: continues = false
        case .bool(let b)?: continues = b
        default: throw .invalidField("continues")
        }
        switch object["error"] {
        case nil, .null?: error = nil
        case .string(let name)?: error = name
        default: throw .invalidField("error")
        }
    }

    /// The wire form: compact JSON followed by the NUL terminator.
    public func encoded() -> Data {
        var object: [String: JSONValue] = ["parameters": .object(parameters)]
        if continues { object["continues"] = true }
        if let error { object["error"] = .string(error) }
        var data = JSONValue.object(object).encoded()
        data.append(0)
        return data
    }
}
