/// What `salesd ctl status` says about desktop notifications.
public struct NotifierStatus: Hashable, Sendable {
    /// Whether notifications reach the person.
    public enum State: Hashable, Sendable {
        /// A notification server is reachable and notifications are enabled.
        case available
        /// A server answered and is being asked what it can show: nothing is wrong yet.
        case settling
        /// No server, no bus, or notifications turned off: ``NotifierStatus/reason`` says which.
        case unavailable
    }

    public var state: State
    /// Server name, vendor, version ("dunst dunst 1.9.0"), when known.
    public var server: String?
    public var capabilities: [String]
    /// Why notifications are off, when they are.
    public var reason: String?

    public init(state: State, server: String? = nil, capabilities: [String] = [], reason: String? = nil) {
        self.state = state
        self.server = server
        self.capabilities = capabilities
        self.reason = reason
    }

    /// `true` when a notification server is reachable and notifications are enabled.
    public var available: Bool { state == .available }
}
