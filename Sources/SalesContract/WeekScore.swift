/// One week of the scoreboard: every step's actions against targets, coverage, and results.
public struct WeekScore: Codable, Equatable, Sendable {
    /// First day of the week, `YYYY-MM-DD`.
    public var weekStart: String
    /// Last day of the week, `YYYY-MM-DD`.
    public var weekEnd: String
    /// The week that contains today.
    public var isCurrent: Bool
    /// The plan's steps in order, then any other step with actions this week.
    public var steps: [StepWeek]
    /// Active steps over all the plan's steps (see ``Coverage``).
    public var coverageOfPlanSteps: Coverage
    public var done: Int
    public var target: Int
    /// Done capped at each action-day's target, over the week's whole target; nil when nothing was due.
    public var adherencePercent: Int?
    /// Results by kind, sorted by kind.
    public var results: [ResultTally]
    /// The seven days, in order.
    public var days: [DayScore]

    public init(
        weekStart: String, weekEnd: String, isCurrent: Bool, steps: [StepWeek], coverageOfPlanSteps: Coverage,
        creditedDone: Int, results: [ResultTally], days: [DayScore]
    ) {
        self.weekStart = weekStart
        self.weekEnd = weekEnd
        self.isCurrent = isCurrent
        self.steps = steps
        self.coverageOfPlanSteps = coverageOfPlanSteps
        self.done = steps.reduce(0) { $0 + $1.done }
        self.target = steps.reduce(0) { $0 + $1.target }
        self.adherencePercent = target > 0 ? percent(creditedDone, of: target) : nil
        self.results = results
        self.days = days
    }

    /// The tally of one result kind, or nil when none was recorded.
    public func result(_ kind: String) -> ResultTally? { results.first { $0.kind == kind } }

    /// The week of one step, or nil when it is not on this week's board.
    public func step(_ id: String) -> StepWeek? { steps.first { $0.step == id } }
}
