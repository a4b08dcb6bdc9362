import SalesContract

/// A failure as `--json` prints it on stdout: `kind`, `message`, `hint`, and the exit code, plus
/// whatever the daemon's refusal says it is about (`action`, `known`, `errors`, …).
struct FailureJSON: Encodable, Equatable {
    var kind: String
    var message: String
    var hint: String?
    var exitCode: Int32
    var details: ControlError?

    init(kind: String, message: String, hint: String?, exitCode: Int32) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.exitCode = exitCode
    }

    init(_ refusal: ControlError, exitCode: Int32) {
        self.init(kind: refusal.kind.rawValue, message: refusal.message, hint: refusal.hint, exitCode: exitCode)
        details = refusal
    }

    /// `UsageError` (2), `DaemonUnreachable` (3), `Failed` (1 and anything else).
    static func kind(forStatus status: Int32) -> String {
        switch status {
        case ExitStatus.usage: "UsageError"
        case ExitStatus.unreachable: "DaemonUnreachable"
        default: "Failed"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case kind, message, hint, exitCode, action, known, parameter, value, config, errors
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(message, forKey: .message)
        try container.encode(hint, forKey: .hint)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encodeIfPresent(details?.action, forKey: .action)
        try container.encodeIfPresent(details?.known, forKey: .known)
        try container.encodeIfPresent(details?.parameter, forKey: .parameter)
        try container.encodeIfPresent(details?.value, forKey: .value)
        try container.encodeIfPresent(details?.config, forKey: .config)
        try container.encodeIfPresent(details?.errors, forKey: .errors)
    }
}
