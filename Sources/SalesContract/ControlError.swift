/// A refusal of `io.salesd.Control`: a kind, a message a person can act on, and a hint.
///
/// On the wire it is a Varlink error named `io.salesd.Control.<kind>` whose parameters are
/// this value's fields; the fields other than ``kind``, ``message`` and ``hint`` say what the
/// refusal is about, where they apply.
public struct ControlError: Error, Codable, Sendable, Equatable, CustomStringConvertible {
    /// The error names of the interface.
    public enum Kind: String, Codable, Sendable, CaseIterable, ControlName {
        case noSuchAction = "NoSuchAction"
        /// PERSON matched nobody, or more than one person (known: the candidates).
        case noSuchPerson = "NoSuchPerson"
        case nothingToUndo = "NothingToUndo"
        case invalidArgument = "InvalidArgument"
        case invalidConfig = "InvalidConfig"
        case dayNotPlanned = "DayNotPlanned"
        case ledgerUnavailable = "LedgerUnavailable"
        /// Too many clients at once (watchers, or connections): try again later.
        case busy = "Busy"
    }

    public var kind: Kind
    public var message: String
    /// What to do about it, when there is something to say.
    public var hint: String?
    /// The action asked for (NoSuchAction, NothingToUndo).
    public var action: String?
    /// The action ids the plan knows (NoSuchAction).
    public var known: [String]?
    /// The parameter at fault and its value (InvalidArgument).
    public var parameter: String?
    public var value: String?
    /// The config file and its errors (InvalidConfig).
    public var config: String?
    public var errors: [String]?

    public init(_ kind: Kind, message: String, hint: String? = nil, action: String? = nil, known: [String]? = nil,
                parameter: String? = nil, value: String? = nil, config: String? = nil, errors: [String]? = nil) {
        (self.kind, self.message, self.hint, self.action, self.known) = (kind, message, hint, action, known)
        (self.parameter, self.value, self.config, self.errors) = (parameter, value, config, errors)
    }

    public var description: String { message }
}
