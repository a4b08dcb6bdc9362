/// Why bytes on a Varlink connection are not a valid message.
public enum VarlinkProtocolError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The message is not JSON at all.
    case malformedJSON(JSONParseError)
    /// The JSON is not an object.
    case notAnObject
    /// A required field is missing or has the wrong type (`method`, `parameters`, `error`, …).
    case invalidField(String)
    /// A message grew past the size limit before its terminating NUL byte.
    case messageTooLarge(limit: Int)

    public var description: String {
        switch self {
        case .malformedJSON(let error): return "malformed Varlink message: \(error)"
        case .notAnObject: return "malformed Varlink message: not a JSON object"
        case .invalidField(let field): return "malformed Varlink message: field \"\(field)\" is missing or has the wrong type"
        case .messageTooLarge(let limit): return "Varlink message larger than \(limit) bytes"
        }
    }
}
