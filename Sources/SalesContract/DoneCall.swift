/// `Done(action, count, note, day)`: records count (default 1) units of an action.
public struct DoneCall: RecordingCall {
    public static let method = ControlMethod.done
    public var action: String
    public var count: Int?
    public var note: String?
    public var day: String?

    /// The client's key for this request: a retry with the same key counts once.
    public var request: String?

    public init(action: String, count: Int? = nil, note: String? = nil, day: String? = nil, request: String? = nil) {
        (self.action, self.count, self.note, self.day, self.request) = (action, count, note, day, request)
    }

    public struct Reply: Codable, Sendable, Equatable {
        public var outcome: Outcome
        public var event: RecordedEvent
        public var progress: ActionProgress

        public init(outcome: Outcome, event: RecordedEvent, progress: ActionProgress) {
            (self.outcome, self.event, self.progress) = (outcome, event, progress)
        }
    }
}
