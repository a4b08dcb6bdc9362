/// Keeps what would be told to the person, for tests.
public final class RecordingAnnouncer: Announcer {
    public private(set) var announced: [Announcement] = []
    /// Announcements that would reach the desktop, with their buttons.
    public private(set) var shown: [(Announcement, [NotificationButton])] = []
    public private(set) var withdrawn: [String] = []

    public init() {}

    public func announce(_ announcement: Announcement, desktop: Bool, buttons: [NotificationButton]) {
        announced.append(announcement)
        if desktop { shown.append((announcement, buttons)) }
    }

    public func withdraw(action: String) { withdrawn.append(action) }
}
