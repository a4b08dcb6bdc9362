/// What `salesd ctl won PERSON [VALUE]` records: one result of kind ``count`` (default `client`),
/// and VALUE, when given, as a result of kind ``value`` (default `revenue`).
public struct WonResults: Hashable, Sendable {
    public var count: String
    public var value: String?

    public init(count: String = "client", value: String? = "revenue") {
        self.count = count
        self.value = value
    }
}
