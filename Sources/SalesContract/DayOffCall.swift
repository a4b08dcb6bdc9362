/// `DayOff(day, reason)`: marks a day (default today) off: no reminders, no streak broken.
public struct DayOffCall: RecordingCall {
    public static let method = ControlMethod.dayOff
    public var day: String?
    public var reason: String?

    /// The client's key for this request: a retry with the same key counts once.
    public var request: String?

    public init(day: String? = nil, reason: String? = nil, request: String? = nil) {
        (self.day, self.reason, self.request) = (day, reason, request)
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
