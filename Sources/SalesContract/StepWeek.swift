/// One step of the process over one week: actions done against targets, and pace.
public struct StepWeek: Codable, Equatable, Sendable {
    public var step: String
    public var name: String
    /// Done counts of the week's actions of this step (undone ones removed).
    public var done: Int
    /// The week's targets of this step, excused action-days left out.
    public var target: Int
    /// What the plan expects by now: past days' targets, plus today's for actions whose first
    /// reminder time has passed (an action without one is expected at the end of the day).
    /// For a past week, the whole week's target.
    public var expected: Int
    /// `done - expected`: negative is behind.
    public var pace: Int
    /// "2 behind", "on pace", "3 ahead".
    public var paceText: String
    /// Done capped at the target of each action-day, in percent of `target`; nil when nothing was due.
    public var adherencePercent: Int?
    /// At least one action of this step done this week.
    public var active: Bool
    /// The current week only: how many of the planned days still open (today included) could be
    /// missed with the week's target still met, the others done to plan; nil for other weeks.
    public var safeDays: Int?

    public init(step: String, name: String, done: Int, target: Int, expected: Int, creditedDone: Int,
                safeDays: Int? = nil) {
        self.step = step
        self.name = name
        self.done = done
        self.target = target
        self.expected = expected
        self.pace = done - expected
        self.paceText = StepWeek.paceText(done - expected)
        self.adherencePercent = target > 0 ? percent(creditedDone, of: target) : nil
        self.active = done > 0
        self.safeDays = safeDays
    }

    /// "1 safe day", "no safe day"; nil outside the current week.
    public var safeDaysText: String? {
        safeDays.map { $0 == 0 ? "no safe day" : "\($0) safe \($0 == 1 ? "day" : "days")" }
    }

    /// Words for a pace: "2 behind", "on pace", "3 ahead".
    public static func paceText(_ pace: Int) -> String {
        if pace < 0 { return "\(-pace) behind" }
        if pace > 0 { return "\(pace) ahead" }
        return "on pace"
    }
}

/// `part` of `whole` in percent, rounded half up; 0 when `whole` is 0.
func percent(_ part: Int, of whole: Int) -> Int {
    whole > 0 ? (part * 200 + whole) / (whole * 2) : 0
}
