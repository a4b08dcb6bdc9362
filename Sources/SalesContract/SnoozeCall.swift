/// `Snooze(action, duration)`: postpones an action's reminders (default: the plan's snooze).
public struct SnoozeCall: RecordingCall {
    public static let method = ControlMethod.snooze
    public var action: String
    /// `15m`, `1h30m`, `90s`.
    public var duration: String?

    /// The client's key for this request: a retry with the same key counts once.
    public var request: String?

    public init(action: String, duration: String? = nil, request: String? = nil) {
        (self.action, self.duration, self.request) = (action, duration, request)
    }

    public struct Reply: Codable, Sendable, Equatable {
        public var outcome: Outcome
        /// When the snooze ends (a ``WireTime`` timestamp).
        public var until: String

        public init(outcome: Outcome, until: String) {
            self.outcome = outcome
            self.until = until
        }
    }
}
