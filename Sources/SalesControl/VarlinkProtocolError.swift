/// Why bytes on a Varlink connection are not a valid message.
public enum VarlinkProtocolError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The message is not JSON at all.
    case malformedJSON(String)
    /// The JSON is not an object.
    case notAnObject
    /// A required field is missing or has the wrong type (`method`, `parameters`, `error`, …).
    case invalidField(String)
    /// A message grew past the size limit before its terminating NUL byte.
    case messageTooLarge(limit: Int)

    /// What a decoder's error says about a message: which field is wrong, or that it is no JSON object.
    init(_ error: any Error) {
        guard let error = error as? DecodingError else {
            self = .malformedJSON("\(error)")
            return
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self = .malformedJSON(context.debugDescription)
        case .typeMismatch(_, let context) where context.codingPath.isEmpty:
            self = .notAnObject
        case .keyNotFound(let key, let context):
            self = .invalidField(context.codingPath.first?.stringValue ?? key.stringValue)
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            self = .invalidField(context.codingPath.first?.stringValue ?? "message")
        @unknown default:
            self = .malformedJSON("\(error)")
        }
    }

    public var description: String {
        switch self {
        case .malformedJSON(let detail): return "malformed Varlink message: \(detail)"
        case .notAnObject: return "malformed Varlink message: not a JSON object"
        case .invalidField(let field): return "malformed Varlink message: field \"\(field)\" is missing or has the wrong type"
        case .messageTooLarge(let limit): return "Varlink message larger than \(limit) bytes"
        }
    }
}
