/// `Today(day)`: a day's plan (default today), in the order to work it.
public struct TodayCall: ControlCall {
    public static let method = ControlMethod.today
    /// `YYYY-MM-DD`, `today`, `yesterday` or `tomorrow`.
    public var day: String?

    public init(day: String? = nil) { self.day = day }

    public struct Reply: Codable, Sendable, Equatable {
        public var day: String
        /// The daemon's today, so a client can tell a past or future day from today.
        public var today: String
        public var off: Bool
        public var actions: [ActionProgress]

        public init(day: String, today: String, off: Bool, actions: [ActionProgress]) {
            (self.day, self.today, self.off, self.actions) = (day, today, off, actions)
        }
    }
}
