/// `Week(weeks, width, colour)`: the scoreboard of the last weeks (1 = this week).
public struct WeekCall: ControlCall {
    public static let method = ControlMethod.week
    /// The weeks a scoreboard can show, this one included.
    public static let weekRange = 1...104

    public var weeks: Int?
    /// Columns of the text rendering in the reply's `scoreboard.text` (default 80).
    public var width: Int?
    /// Whether that rendering may use terminal colours (default false).
    public var colour: Bool?

    public init(weeks: Int? = nil, width: Int? = nil, colour: Bool? = nil) {
        (self.weeks, self.width, self.colour) = (weeks, width, colour)
    }

    public struct Reply: Codable, Sendable, Equatable {
        public var scoreboard: Scoreboard
        /// The commitments of this week and the next (the weekly session's), oldest first.
        public var commitments: [Commitment]?

        public init(scoreboard: Scoreboard, commitments: [Commitment]? = nil) {
            self.scoreboard = scoreboard
            self.commitments = commitments
        }
    }
}
