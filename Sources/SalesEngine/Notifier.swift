/// A button on a desktop notification.
public enum NotificationButton: String, Hashable, Sendable, CaseIterable {
    case done
    case snooze
    case skip
}

/// A click on a notification's button, delivered back to the daemon.
public struct ButtonPress: Hashable, Sendable {
    /// The plan action the notification was about.
    public var action: String
    public var button: NotificationButton

    public init(action: String, button: NotificationButton) {
        self.action = action
        self.button = button
    }
}

/// What `salesd ctl status` says about desktop notifications.
public struct NotifierStatus: Hashable, Sendable {
    /// `true` when a notification server is reachable and notifications are enabled.
    public var available: Bool
    /// Server name, vendor, version ("dunst dunst 1.9.0"), when known.
    public var server: String?
    public var capabilities: [String]
    /// Why notifications are off, when they are.
    public var reason: String?

    public init(available: Bool, server: String? = nil, capabilities: [String] = [], reason: String? = nil) {
        self.available = available
        self.server = server
        self.capabilities = capabilities
        self.reason = reason
    }
}

/// The desktop side of announcements. Called only on the daemon's queue.
public protocol Notifier: AnyObject {
    /// Shows `announcement` (reminder, morning prompt, review, missed). A new notification for
    /// the same action replaces the previous one rather than piling up.
    func show(_ announcement: Announcement, buttons: [NotificationButton])
    /// Closes the notification shown for `action`, if any (done, skipped).
    func withdraw(action: String)
    var status: NotifierStatus { get }
    /// Set by the daemon; called on the daemon's queue when a button is clicked.
    var onButton: (@Sendable (ButtonPress) -> Void)? { get set }
}

/// Records what would be shown, for tests and for machines without a desktop.
public final class RecordingNotifier: Notifier {
    public private(set) var shown: [(Announcement, [NotificationButton])] = []
    public private(set) var withdrawn: [String] = []
    public var status = NotifierStatus(available: true, server: "recording")
    public var onButton: (@Sendable (ButtonPress) -> Void)?

    public init() {}

    public func show(_ announcement: Announcement, buttons: [NotificationButton]) {
        shown.append((announcement, buttons))
    }

    public func withdraw(action: String) { withdrawn.append(action) }
}
