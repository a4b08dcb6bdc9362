/// A commitment of the weekly session: for the week starting `week`, with whether it was kept
/// (nil until answered).
public struct Commitment: Codable, Sendable, Equatable {
    public var id: Int64
    /// First day of the week it is for, `YYYY-MM-DD`.
    public var week: String
    public var text: String
    /// The step it is tied to, if any.
    public var step: String?
    public var kept: Bool?

    public init(id: Int64, week: String, text: String, step: String? = nil, kept: Bool? = nil) {
        (self.id, self.week, self.text, self.step, self.kept) = (id, week, text, step, kept)
    }
}

/// A new commitment to make: its text, and the step it is tied to.
public struct NewCommitment: Codable, Sendable, Equatable {
    public var text: String
    public var step: String?

    public init(text: String, step: String? = nil) {
        (self.text, self.step) = (text, step)
    }
}

/// Whether an earlier commitment was kept.
public struct CommitmentAnswer: Codable, Sendable, Equatable {
    public var id: Int64
    public var kept: Bool

    public init(id: Int64, kept: Bool) {
        (self.id, self.kept) = (id, kept)
    }
}
