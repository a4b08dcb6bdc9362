/// `Pipeline(weeks)`: the steps with the people at each, and the conversion between
/// consecutive steps over the last `weeks` (1 to 104, default 4) weeks of 7 days, today included.
public struct PipelineCall: ControlCall {
    public static let method = ControlMethod.pipeline
    public var weeks: Int?

    public init(weeks: Int? = nil) { self.weeks = weeks }

    public static let weekRange = 1...104

    public struct Reply: Codable, Sendable, Equatable {
        public var today: String
        public var weeks: Int
        /// The first day of the window.
        public var from: String
        public var steps: [PipelineStep]
        /// People won and lost in the window.
        public var won: Int
        public var lost: Int
        /// Touches per client won, per step, over the last ``leadToLagWeeks`` weeks (12).
        public var leadToLag: [LeadToLagStep]
        public var leadToLagWeeks: Int

        public init(today: String, weeks: Int, from: String, steps: [PipelineStep], won: Int, lost: Int,
                    leadToLag: [LeadToLagStep] = [], leadToLagWeeks: Int = 12) {
            (self.today, self.weeks, self.from, self.steps, self.won, self.lost) = (today, weeks, from, steps, won, lost)
            (self.leadToLag, self.leadToLagWeeks) = (leadToLag, leadToLagWeeks)
        }
    }
}
