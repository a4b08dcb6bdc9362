/// `Skip(action, reason)`: excuses an action for today.
public struct SkipCall: ControlCall {
    public static let method = ControlMethod.skip
    public var action: String
    public var reason: String?

    public init(action: String, reason: String? = nil) {
        self.action = action
        self.reason = reason
    }

    public struct Reply: Codable, Sendable, Equatable {
        public var outcome: Outcome
        public var progress: ActionProgress

        public init(outcome: Outcome, progress: ActionProgress) {
            self.outcome = outcome
            self.progress = progress
        }
    }
}
