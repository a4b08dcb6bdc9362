/// `Log(action, step, from, to)`: the history of what was done, skipped, snoozed, taken off,
/// noted and achieved, oldest first.
public struct LogCall: ControlCall {
    public static let method = ControlMethod.log
    /// The most days one call may cover.
    public static let maxDays = 366

    /// Only this action's events.
    public var action: String?
    /// Only the events of this step's actions.
    public var step: String?
    /// First day: `YYYY-MM-DD`, `today` or `yesterday` (default: 6 days before `to`).
    public var from: String?
    /// Last day (default today).
    public var to: String?

    public init(action: String? = nil, step: String? = nil, from: String? = nil, to: String? = nil) {
        self.action = action
        self.step = step
        self.from = from
        self.to = to
    }

    public struct Reply: Codable, Sendable, Equatable {
        /// The days covered, `YYYY-MM-DD`.
        public var from: String
        public var to: String
        public var entries: [LogEntry]

        public init(from: String, to: String, entries: [LogEntry]) {
            self.from = from
            self.to = to
            self.entries = entries
        }
    }
}
