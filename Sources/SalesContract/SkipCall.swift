/// `Skip(action, reason)`: excuses an action for today.
public struct SkipCall: RecordingCall {
    public static let method = ControlMethod.skip
    public var action: String
    public var reason: String?

    /// The client's key for this request: a retry with the same key counts once.
    public var request: String?

    public init(action: String, reason: String? = nil, request: String? = nil) {
        (self.action, self.reason, self.request) = (action, reason, request)
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
