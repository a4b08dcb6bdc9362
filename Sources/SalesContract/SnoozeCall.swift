/// `Snooze(action, duration)`: postpones an action's reminders (default: the plan's snooze).
public struct SnoozeCall: ControlCall {
    public static let method = ControlMethod.snooze
    public var action: String
    /// `15m`, `1h30m`, `90s`.
    public var duration: String?

    public init(action: String, duration: String? = nil) {
        self.action = action
        self.duration = duration
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
