/// What a ledger-changing call did: every such reply says one of these, so a client never has
/// to guess whether its request counted.
public enum Outcome: String, Codable, Sendable, Equatable {
    /// The event is in the ledger, durably.
    case recorded
    /// Nothing was recorded (the request asked for nothing that needed a record).
    case nothing
    /// The request repeats one already recorded; nothing new was recorded.
    case already
}
