/// `DayOff(day, reason)`: marks a day (default today) off: no reminders, no streak broken.
public struct DayOffCall: ControlCall {
    public static let method = ControlMethod.dayOff
    public var day: String?
    public var reason: String?

    public init(day: String? = nil, reason: String? = nil) {
        self.day = day
        self.reason = reason
    }

    public struct Reply: Codable, Sendable, Equatable {
        public var outcome: Outcome
        public var day: String

        public init(outcome: Outcome, day: String) {
            self.outcome = outcome
            self.day = day
        }
    }
}
