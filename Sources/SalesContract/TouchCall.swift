/// `Touch(person, note, next, due, action)`: records a contact with a person; with `action`
/// it also counts one done of that action.
public struct TouchCall: RecordingCall {
    public static let method = ControlMethod.touch
    public var person: String
    public var note: String?
    public var next: String?
    public var due: String?
    public var action: String?
    public var request: String?

    public init(person: String, note: String? = nil, next: String? = nil, due: String? = nil, action: String? = nil,
                request: String? = nil) {
        (self.person, self.note, self.next, self.due, self.action, self.request) = (person, note, next, due, action, request)
    }

    public struct Reply: Codable, Sendable, Equatable {
        public var outcome: Outcome
        public var person: PersonRecord
        /// The done event recorded with `action`.
        public var done: RecordedEvent?

        public init(outcome: Outcome, person: PersonRecord, done: RecordedEvent?) {
            (self.outcome, self.person, self.done) = (outcome, person, done)
        }
    }
}
