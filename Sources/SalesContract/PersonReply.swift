/// The reply of a call that records one person event: its outcome and the person afterwards.
public struct PersonReply: Codable, Sendable, Equatable {
    public var outcome: Outcome
    /// The kind of person event recorded (added, touched, moved, won, lost, edited, undo, forgotten).
    public var event: String
    public var person: PersonRecord

    public init(outcome: Outcome, event: String, person: PersonRecord) {
        (self.outcome, self.event, self.person) = (outcome, event, person)
    }
}
