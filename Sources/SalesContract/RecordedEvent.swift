/// A ledger entry as recorded (`EventRecord` on the wire).
public struct RecordedEvent: Codable, Sendable, Equatable {
    public var id: Int64
    public var kind: String
    /// When it was recorded (a ``WireTime`` timestamp).
    public var at: String
    /// The plan's local day it counts for, `YYYY-MM-DD`.
    public var day: String
    public var action: String?
    public var count: Int?
    public var note: String?
    public var until: String?
    public var resultKind: String?
    public var value: Double?
    public var source: String?

    public init(id: Int64, kind: String, at: String, day: String, action: String? = nil, count: Int? = nil,
                note: String? = nil, until: String? = nil, resultKind: String? = nil, value: Double? = nil,
                source: String? = nil) {
        (self.id, self.kind, self.at, self.day, self.action, self.count) = (id, kind, at, day, action, count)
        (self.note, self.until, self.resultKind, self.value, self.source) = (note, until, resultKind, value, source)
    }
}
