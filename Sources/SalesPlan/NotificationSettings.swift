/// How salesd shows desktop notifications: whether at all, and how urgently.
public struct NotificationSettings: Hashable, Sendable {
    public enum Urgency: String, Hashable, Sendable, CaseIterable {
        case low, normal, critical

        /// The byte the notification spec uses for the `urgency` hint.
        public var level: UInt8 {
            switch self {
            case .low: return 0
            case .normal: return 1
            case .critical: return 2
            }
        }
    }

    public var enabled: Bool = true
    public var urgency: Urgency = .normal

    public init(enabled: Bool = true, urgency: Urgency = .normal) {
        self.enabled = enabled
        self.urgency = urgency
    }
}
