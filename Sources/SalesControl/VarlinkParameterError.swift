/// A call's parameter is missing or of the wrong type: the `org.varlink.service.InvalidParameter` error.
public struct VarlinkParameterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The parameter's name (`count`).
    public var parameter: String
    /// What is wrong, for a person (`count must be a whole number`).
    public var message: String

    public init(parameter: String, message: String) {
        self.parameter = parameter
        self.message = message
    }

    /// Reads a decoder's error about a call's parameters (coding path `parameters.<name>…`).
    init(_ error: any Error) {
        guard let error = error as? DecodingError else {
            self.init(parameter: "parameters", message: "the parameters could not be read: \(error)")
            return
        }
        func name(_ path: [any CodingKey], _ extra: (any CodingKey)? = nil) -> String {
            let keys = (path + [extra].compactMap { $0 }).map(\.stringValue).filter { $0 != "parameters" }
            return keys.first ?? "parameters"
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parameter = name(context.codingPath, key)
            self.init(parameter: parameter, message: "\(parameter) is required")
        case .valueNotFound(let type, let context):
            let parameter = name(context.codingPath)
            self.init(parameter: parameter, message: "\(parameter) must be \(Self.describe(type))")
        case .typeMismatch(let type, let context):
            let parameter = name(context.codingPath)
            self.init(parameter: parameter, message: parameter == "parameters"
                ? "the parameters must be an object" : "\(parameter) must be \(Self.describe(type))")
        case .dataCorrupted(let context):
            let parameter = name(context.codingPath)
            self.init(parameter: parameter, message: "\(parameter) is not valid: \(context.debugDescription)")
        @unknown default:
            self.init(parameter: "parameters", message: "the parameters could not be read: \(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "of type \(type)"
        }
    }

    public var description: String { message }
}
