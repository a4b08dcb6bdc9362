#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A Varlink method call: `{"method": "io.x.Iface.Method", "parameters": {…}, "more"?: true, …}`.
///
/// The parameters stay in the message as received and are decoded, typed, by the handler that
/// knows the method (``parameters(_:)``).
public struct VarlinkCall: Sendable {
    /// Fully qualified method name: interface, a dot, the method (`io.salesd.Control.Status`).
    public var method: String
    /// The caller wants no reply.
    public var oneway: Bool
    /// The caller accepts several replies (each but the last with `continues: true`).
    public var more: Bool
    /// The caller wants to switch the connection to another protocol after the reply.
    public var upgrade: Bool
    /// The message as received (without its NUL terminator), or as ``init(method:parameters:oneway:more:)`` built it.
    public let message: Data

    /// The interface part of ``method`` (everything before the last dot); empty if there is no dot.
    public var interface: String {
        guard let dot = method.lastIndex(of: ".") else { return "" }
        return String(method[..<dot])
    }

    /// A call to send.
    public init(method: String, parameters: some Encodable, oneway: Bool = false, more: Bool = false) throws {
        self.method = method
        self.oneway = oneway
        self.more = more
        upgrade = false
        message = try VarlinkJSON.encode(Outgoing(method: method, parameters: parameters,
                                                  oneway: oneway ? true : nil, more: more ? true : nil))
    }

    /// Reads a call from one message (without its NUL terminator).
    public init(decoding message: some Sequence<UInt8>) throws(VarlinkProtocolError) {
        let data = Data(message)
        let envelope = try VarlinkJSON.envelope(Incoming.self, of: data)
        guard !envelope.method.isEmpty else { throw .invalidField("method") }
        method = envelope.method
        oneway = envelope.oneway ?? false
        more = envelope.more ?? false
        upgrade = envelope.upgrade ?? false
        self.message = data
    }

    /// The call's parameters as `P`.
    ///
    /// - Throws: ``VarlinkParameterError`` naming the first parameter that is missing or of the wrong type.
    public func parameters<P: Decodable>(_ type: P.Type) throws(VarlinkParameterError) -> P {
        do {
            return try VarlinkJSON.parameters(type, in: message)
        } catch {
            throw VarlinkParameterError(error)
        }
    }

    /// The wire form: compact JSON followed by the NUL terminator.
    public func encoded() -> Data {
        var data = message
        data.append(0)
        return data
    }

    private struct Incoming: Decodable {
        let method: String
        let parameters: JSONObjectShape?
        let oneway: Bool?
        let more: Bool?
        let upgrade: Bool?
    }

    private struct Outgoing<P: Encodable>: Encodable {
        let method: String
        let parameters: P
        let oneway: Bool?
        let more: Bool?
    }
}
