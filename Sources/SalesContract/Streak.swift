/// Consecutive days with the plan met, counting back from yesterday, plus today once it is met;
/// and consecutive weeks with every step's weekly target met, back from last week, plus this
/// week once it is met.
///
/// Skipped (within the skip budget), off and unplanned days neither break the day streak nor
/// extend it: only days the plan was actually worked count. Weeks that asked nothing likewise.
public struct Streak: Codable, Equatable, Sendable {
    public var days: Int
    /// Today is already met and counted.
    public var includesToday: Bool
    public var weeks: Int
    /// This week already has every step's target met and is counted.
    public var includesThisWeek: Bool
    /// "streak: 4 days with the plan met".
    public var text: String
    /// "2 weeks with every step's target met".
    public var weeksText: String

    public init(days: Int, includesToday: Bool, weeks: Int = 0, includesThisWeek: Bool = false) {
        self.days = days
        self.includesToday = includesToday
        self.weeks = weeks
        self.includesThisWeek = includesThisWeek
        self.text = "streak: \(days) \(days == 1 ? "day" : "days") with the plan met"
        self.weeksText = "\(weeks) \(weeks == 1 ? "week" : "weeks") with every step's target met"
    }
}
