public struct WeeklyReview: Hashable, Sendable {
    public var day: Weekday
    public var at: LocalTime

    public init(day: Weekday, at: LocalTime) {
        self.day = day
        self.at = at
    }
}
