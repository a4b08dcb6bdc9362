/// One method of `io.salesd.Control`: its parameters are the conforming type's stored
/// properties, its reply is ``Reply``. The daemon and `salesd ctl` encode and decode both with
/// Foundation's `JSONEncoder` and `JSONDecoder`; nothing on the wire is written by hand.
public protocol ControlCall: Codable, Sendable {
    associatedtype Reply: Codable, Sendable
    static var method: ControlMethod { get }
}

extension ControlCall {
    /// The fully qualified Varlink method name (`io.salesd.Control.Done`).
    public static var qualifiedName: String { method.qualifiedName }
}
