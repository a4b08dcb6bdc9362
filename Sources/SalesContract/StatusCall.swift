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
            (self.version, self.pid, self.since, self.config, self.ledger) = (version, pid, since, config, ledger)
            (self.socket, self.timeZone, self.systemTimeZone) = (socket, timeZone, systemTimeZone)
            (self.today, self.actionsToday, self.doneToday) = (today, actionsToday, doneToday)
            (self.nextReminder, self.notifications, self.watchers) = (nextReminder, notifications, watchers)
        }
    }

    /// The next reminder due.
    public struct Reminder: Codable, Sendable, Equatable {
        public var action: String
        public var title: String
        public var at: String
        public var slot: String

        public init(action: String, title: String, at: String, slot: String) {
            (self.action, self.title, self.at, self.slot) = (action, title, at, slot)
        }
    }

    /// Whether desktop notifications reach the person, and why not.
    public struct NotificationState: Codable, Sendable, Equatable {
        public var available: Bool
        public var server: String?
        public var capabilities: [String]
        public var reason: String?

        public init(available: Bool, server: String?, capabilities: [String], reason: String?) {
            (self.available, self.server, self.capabilities) = (available, server, capabilities)
            (self.reason) = (reason)
        }
    }
}
