import Foundation

/// A Varlink method call: `{"method": "io.x.Iface.Method", "parameters": {…}, "more"?: true, …}`.
public struct VarlinkCall: Sendable, Hashable {
    /// Fully qualified method name: interface, a dot, the method (`io.salesd.Control.Status`).
    public var method: String
    public var parameters: [String: JSONValue]
    /// The caller wants no reply.
    public var oneway: Bool
    /// The caller accepts several replies (each but the last with `continues: true`).
    public var more: Bool
    /// The caller wants to switch the connection to another protocol after the reply.
    public var upgrade: Bool

    public init(method: String, parameters: [String: JSONValue] = [:], oneway: Bool = false, more: Bool = false, upgrade: Bool = false) {
        self.method = method
        self.parameters = parameters
        self.oneway = oneway
        self.more = more
        self.upgrade = upgrade
    }

    /// The interface part of ``method`` (everything before the last dot); empty if there is no dot.
    public var interface: String {
        guard let dot = method.lastIndex(of: ".") else { return "" }
        return String(method[..<dot])
    }

    /// Reads a call from one message (without its NUL terminator).
    public init(decoding message: some Sequence<UInt8>) throws(VarlinkProtocolError) {
        let value: JSONValue
        do { value = try JSONValue(decoding: message) } catch { throw .malformedJSON(error) }
        guard let object = value.object else { throw .notAnObject }
        guard let method = object["method"]?.string, !method.isEmpty else { throw .invalidField("method") }
        self.method = method
        switch object["parameters"] {
        case nil, .null?: parameters = [:]
        case .object(let fields)?: parameters = fields
        default: throw .invalidField("parameters")
        }
        oneway = try Self.flag("oneway", in: object)
        more = try Self.flag("more", in: object)
        upgrade = try Self.flag("upgrade", in: object)
    }

    private static func flag(_ name: String, in object: [String: JSONValue]) throws(VarlinkProtocolError) -> Bool {
        switch object[name] {
        case nil, .null?: return false
        case .bool(let b)?: return b
        default: throw .invalidField(name)
        }
    }

    /// The wire form: compact JSON followed by the NUL terminator.
    public func encoded() -> Data {
        var object: [String: JSONValue] = ["method": .string(method)]
        if !parameters.isEmpty { object["parameters"] = .object(parameters) }
        if oneway { object["oneway"] = true }
        if more { object["more"] = true }
        if upgrade { object["upgrade"] = true }
        var data = JSONValue.object(object).encoded()
        data.append(0)
        return data
    }
}
