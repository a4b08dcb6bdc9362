/// Something the daemon announced (journal, desktop, watchers), as `Watch` streams it
/// (`Announcement` on the wire).
public struct WatchEvent: Codable, Sendable, Equatable {
    public var kind: String
    public var message: String
    public var day: String?
    public var action: String?
    public var step: String?
    public var title: String?
    public var count: Int?
    public var done: Int?
    public var target: Int?
    /// When a reminder was due (a ``WireTime`` timestamp).
    public var scheduled: String?
    public var latenessMs: Int?
    public var late: Bool
    /// When it was announced (a ``WireTime`` timestamp in the plan's zone).
    public var at: String?

    public init(kind: String, message: String, day: String? = nil, action: String? = nil, step: String? = nil,
                title: String? = nil, count: Int? = nil, done: Int? = nil, target: Int? = nil,
                scheduled: String? = nil, latenessMs: Int? = nil, late: Bool = false, at: String? = nil) {
        (self.kind, self.message, self.day, self.action, self.step) = (kind, message, day, action, step)
        (self.title, self.count, self.done, self.target, self.scheduled) = (title, count, done, target, scheduled)
        (self.latenessMs, self.late, self.at) = (latenessMs, late, at)
    }
}
