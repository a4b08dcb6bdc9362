/// A button on a desktop notification.
public enum NotificationButton: String, Hashable, Sendable, CaseIterable {
    case done
    case snooze
    case skip
    /// Records a touch for the person the notification names (follow-ups due).
    case touch
}
