/// `Undo(action, day, request)`: takes back the most recent done, skip, snooze, day off or result
/// (of one action, on one day, or the latest of any).
public struct UndoCall: RecordingCall {
    public static let method = ControlMethod.undo
    /// Only this action's events (done, skip, snooze).
    public var action: String?
    /// Only events of this day: `YYYY-MM-DD`, `today` or `yesterday`.
    public var day: String?
    /// A client-chosen id for this request: the same id sent again (a retry after a lost reply)
    /// takes back nothing more and answers `already` with the first undo.
    public var request: String?

    public init(action: String? = nil, day: String? = nil, request: String? = nil) {
        self.action = action
        self.day = day
        self.request = request
    }

    public struct Reply: Codable, Sendable, Equatable {
        public var outcome: Outcome
        /// The undo event recorded (for `already`: the one recorded the first time).
        public var undone: RecordedEvent
        /// The event it took back (kind done, skip, snooze, day-off or result).
        public var cancelled: RecordedEvent
        /// The action's standing on that day afterwards; nil for a day off or a result.
        public var progress: ActionProgress?

        public init(outcome: Outcome, undone: RecordedEvent, cancelled: RecordedEvent, progress: ActionProgress?) {
            (self.outcome, self.undone, self.cancelled, self.progress) = (outcome, undone, cancelled, progress)
        }
    }
}
