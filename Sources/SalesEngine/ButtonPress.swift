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
