/// One problem in a config file: where it is, the value found there, what is wrong and how to fix it.
///
/// Its description reads `actions[2].at: "9:3" is not a time (use HH:MM, e.g. "09:30")`.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The JSON path of the problem (`actions[2].at`); `$` for the document as a whole.
    public var path: String
    /// The offending value as JSON text (`"9:3"`, `5`), or nil when there is none (a missing key).
    public var value: String?
    /// What is wrong, phrased to follow the value (`is not a time`).
    public var message: String
    /// How to fix it (`use HH:MM, e.g. "09:30"`).
    public var hint: String?

    public init(path: String, value: String? = nil, message: String, hint: String? = nil) {
        self.path = path
        self.value = value
        self.message = message
        self.hint = hint
    }

    public var description: String {
        // A problem of the whole file reads as a sentence about it, not as the JSON path `$`.
        var text: String
        if path == "$" {
            text = value.map { "top level: " + $0 + " " } ?? (message.hasPrefix("the file") ? "" : "the file ")
        } else {
            text = path + ": " + (value.map { $0 + " " } ?? "")
        }
        text += message
        if let hint { text += " (" + hint + ")" }
        return text
    }
}
