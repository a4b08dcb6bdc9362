/// `Status()`: the daemon, its plan and what fires next.
public struct StatusCall: ControlCall {
    public static let method = ControlMethod.status

    public init() {}

    public struct Reply: Codable, Sendable, Equatable {
        public var version: String
        public var pid: Int
        /// When the daemon started (a ``WireTime`` timestamp).
        public var since: String
        public var config: String
        public var ledger: String
        public var socket: String
        /// The zone the plan runs in.
        public var timeZone: String
        /// The system's zone, when it differs from the plan's.
        public var systemTimeZone: String?
        public var today: String
        public var actionsToday: Int
        public var doneToday: Int
        public var nextReminder: Reminder?
        public var notifications: NotificationState
        /// Clients streaming `Watch` right now.
        public var watchers: Int

        public init(version: String, pid: Int, since: String, config: String, ledger: String, socket: String,
                    timeZone: String, systemTimeZone: String?, today: String, actionsToday: Int, doneToday: Int,
                    nextReminder: Reminder?, notifications: NotificationState, watchers: Int) {
            self.version = version
            self.pid = pid
            self.since = since
            self.config = config
            self.ledger = ledger
            self.socket = socket
            self.timeZone = timeZone
            self.systemTimeZone = systemTimeZone
            self.today = today
            self.actionsToday = actionsToday
            self.doneToday = doneToday
            self.nextReminder = nextReminder
            self.notifications = notifications
            self.watchers = watchers
        }
    }

    /// The next reminder due.
    public struct Reminder: Codable, Sendable, Equatable {
        public var action: String
        public var title: String
        public var at: String
        public var slot: String

        public init(action: String, title: String, at: String, slot: String) {
            self.action = action
            self.title = title
            self.at = at
            self.slot = slot
        }
    }

    /// Whether desktop notifications reach the person, and why not.
    public struct NotificationState: Codable, Sendable, Equatable {
        public var available: Bool
        public var server: String?
        public var capabilities: [String]
        public var reason: String?

        public init(available: Bool, server: String?, capabilities: [String], reason: String?) {
            self.available = available
            self.server = server
            self.capabilities = capabilities
            self.reason = reason
        }
    }
}
