import Glibc

/// A system or libsystemd call that failed, with what salesd was trying to do and what to try.
public struct SystemCallError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What salesd was doing, e.g. "watch for wall-clock changes".
    public var operation: String
    /// The failing call, e.g. "timerfd_create".
    public var call: String
    /// The positive errno value.
    public var code: Int32
    /// What the person can do about it.
    public var hint: String

    public init(operation: String, call: String, code: Int32, hint: String) {
        self.operation = operation
        self.call = call
        self.code = code
        self.hint = hint
    }

    public var description: String {
        "could not \(operation): \(call) failed: \(String(cString: strerror(code))) (errno \(code)); \(hint)"
    }
}
