/// One entry of the history: an event, and whether an undo took it back since.
public struct LogEntry: Codable, Sendable, Equatable {
    public var event: RecordedEvent
    /// An undo cancelled this event; it counts for nothing.
    public var cancelled: Bool
    /// For an undo: the id of the event it took back.
    public var undoes: Int64?

    public init(event: RecordedEvent, cancelled: Bool, undoes: Int64? = nil) {
        self.event = event
        self.cancelled = cancelled
        self.undoes = undoes
    }
}
