/// A click on a notification's button, delivered back to the daemon.
public struct ButtonPress: Hashable, Sendable {
    /// The plan action the notification was about.
    public var action: String
    public var button: NotificationButton
    /// The person the notification named (a follow-ups reminder's touch button).
    public var person: Int64?

    public init(action: String, button: NotificationButton, person: Int64? = nil) {
        self.action = action
        self.button = button
        self.person = person
    }
}
