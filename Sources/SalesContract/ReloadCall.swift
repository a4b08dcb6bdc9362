/// `Reload()`: re-reads the config; on errors the running plan stays in force.
public struct ReloadCall: ControlCall {
    public static let method = ControlMethod.reload

    public init() {}

    public struct Reply: Codable, Sendable, Equatable {
        public var config: String
        public var actions: Int
        public var changed: Bool

        public init(config: String, actions: Int, changed: Bool) {
            (self.config, self.actions, self.changed) = (config, actions, changed)
        }
    }
}
