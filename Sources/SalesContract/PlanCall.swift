/// `Plan(day, days)`: what the plan asks on each of some days (default: the seven from today).
public struct PlanCall: ControlCall {
    public static let method = ControlMethod.plan
    /// How many days a call may ask for.
    public static let dayRange = 1...31

    /// The first day: `YYYY-MM-DD`, `today`, `yesterday` or `tomorrow` (default today).
    public var day: String?
    /// How many days from it (default 7).
    public var days: Int?

    public init(day: String? = nil, days: Int? = nil) {
        self.day = day
        self.days = days
    }

    public struct Reply: Codable, Sendable, Equatable {
        public var today: String
        public var days: [PlanDay]

        public init(today: String, days: [PlanDay]) {
            self.today = today
            self.days = days
        }
    }
}
