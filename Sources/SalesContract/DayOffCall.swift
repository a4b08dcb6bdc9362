/// `DayOff(day, reason, through)`: marks a day (default today) off, or every day from `day`
/// through `through` (a vacation): no reminders, no streak broken.
public struct DayOffCall: RecordingCall {
    public static let method = ControlMethod.dayOff
    public var day: String?
    public var reason: String?

    /// The client's key for this request: a retry with the same key counts once.
    public var request: String?
    /// The last day of a vacation (inclusive); nil for one day.
    public var through: String?

    public init(day: String? = nil, reason: String? = nil, request: String? = nil, through: String? = nil) {
        (self.day, self.reason, self.request, self.through) = (day, reason, request, through)
    }

    public struct Reply: Codable, Sendable, Equatable {
        public var outcome: Outcome
        public var day: String
        /// The last day of a vacation; nil for one day.
        public var through: String?
        /// Every day of the vacation (all off now, the ones off before included); nil for one day.
        public var days: [String]?

        public init(outcome: Outcome, day: String, through: String? = nil, days: [String]? = nil) {
            self.outcome = outcome
            self.day = day
            self.through = through
            self.days = days
        }
    }
}
