/// `Won(person, value, note)`: the person became a client; records the plan's `won` results
/// (by default one `client`, and `value` as `revenue`), linked to the person.
public struct WonCall: RecordingCall {
    public static let method = ControlMethod.won
    public var person: String
    public var value: Double?
    public var request: String?

    public init(person: String, value: Double? = nil, request: String? = nil) {
        (self.person, self.value, self.request) = (person, value, request)
    }

    public struct Reply: Codable, Sendable, Equatable {
        public var outcome: Outcome
        public var person: PersonRecord
        /// The result events recorded.
        public var results: [RecordedEvent]

        public init(outcome: Outcome, person: PersonRecord, results: [RecordedEvent]) {
            (self.outcome, self.person, self.results) = (outcome, person, results)
        }
    }
}
