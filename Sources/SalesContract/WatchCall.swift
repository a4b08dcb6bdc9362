/// `Watch()`: streams every announcement as it happens (call with `more`).
public struct WatchCall: ControlCall {
    public static let method = ControlMethod.watch

    public init() {}

    public struct Reply: Codable, Sendable, Equatable {
        public var announcement: WatchEvent

        public init(announcement: WatchEvent) { self.announcement = announcement }
    }
}
