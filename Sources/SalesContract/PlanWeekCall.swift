/// `PlanWeek(commitments, kept)`: the weekly session's record: whether this week's commitments
/// were kept, and up to three commitments for the next week (the plan's next week start).
public struct PlanWeekCall: RecordingCall {
    public static let method = ControlMethod.planWeek
    /// How many commitments a week may have.
    public static let maxCommitments = 3

    public var commitments: [NewCommitment]?
    public var kept: [CommitmentAnswer]?
    public var request: String?

    public init(commitments: [NewCommitment]? = nil, kept: [CommitmentAnswer]? = nil, request: String? = nil) {
        (self.commitments, self.kept, self.request) = (commitments, kept, request)
    }

    public struct Reply: Codable, Sendable, Equatable {
        public var outcome: Outcome
        /// The week starting now (whose commitments were answered).
        public var thisWeek: String
        /// The next week start, which the new commitments are for.
        public var nextWeek: String
        /// The commitments of this week and the next, after recording.
        public var commitments: [Commitment]
        /// Commitments named in `kept` that were answered before: left as they were.
        public var alreadyAnswered: [Int64]

        public init(outcome: Outcome, thisWeek: String, nextWeek: String, commitments: [Commitment],
                    alreadyAnswered: [Int64] = []) {
            (self.outcome, self.thisWeek, self.nextWeek, self.commitments) = (outcome, thisWeek, nextWeek, commitments)
            self.alreadyAnswered = alreadyAnswered
        }
    }
}
