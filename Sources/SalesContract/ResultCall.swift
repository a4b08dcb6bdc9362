/// `Result(kind, value, note)`: records a lag measure (a client, a proposal, a booked call).
public struct ResultCall: RecordingCall {
    public static let method = ControlMethod.result
    public var kind: String
    public var value: Double?
    public var note: String?

    /// The client's key for this request: a retry with the same key counts once.
    public var request: String?

    public init(kind: String, value: Double? = nil, note: String? = nil, request: String? = nil) {
        (self.kind, self.value, self.note, self.request) = (kind, value, note, request)
    }

    public struct Reply: Codable, Sendable, Equatable {
        public var outcome: Outcome
        public var event: RecordedEvent
        /// The kind's unit as the plan declares it: `count` or a currency code (`EUR`).
        public var unit: String?

        public init(outcome: Outcome, event: RecordedEvent, unit: String? = nil) {
            self.outcome = outcome
            self.event = event
            self.unit = unit
        }
    }
}
