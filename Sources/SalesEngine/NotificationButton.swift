/// A button on a desktop notification.
public enum NotificationButton: String, Hashable, Sendable, CaseIterable {
    case done
    case snooze
    case skip
}
