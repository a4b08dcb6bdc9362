/// `Undo(action)`: cancels the most recent done (of one action, or of any).
public struct UndoCall: RecordingCall {
    public static let method = ControlMethod.undo
    public var action: String?

    /// The client's key for this request: a retry with the same key counts once.
    public var request: String?

    public init(action: String? = nil, request: String? = nil) {
        self.action = action
        self.request = request
    }

    public struct Reply: Codable, Sendable, Equatable {
        public var outcome: Outcome
        /// The undo event recorded; its `count` is what it took back.
        public var undone: RecordedEvent
        public var progress: ActionProgress

        public init(outcome: Outcome, undone: RecordedEvent, progress: ActionProgress) {
            (self.outcome, self.undone, self.progress) = (outcome, undone, progress)
        }
    }
}
