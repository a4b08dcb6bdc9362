/// Consecutive days with the plan met, counting back from yesterday, plus today once it is met.
///
/// Skipped, off and unplanned days neither break the streak nor extend it: only days the plan
/// was actually worked count.
public struct Streak: Codable, Equatable, Sendable {
    public var days: Int
    /// Today is already met and counted.
    public var includesToday: Bool
    /// "streak: 4 days with the plan met".
    public var text: String

    public init(days: Int, includesToday: Bool) {
        self.days = days
        self.includesToday = includesToday
        self.text = "streak: \(days) \(days == 1 ? "day" : "days") with the plan met"
    }
}
