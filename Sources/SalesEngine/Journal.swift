/// Where announcements are written down: the systemd journal, stderr, or a test's capture.
///
/// Called only on the daemon's queue.
public protocol Journal: AnyObject {
    func record(_ announcement: Announcement)
}

/// Keeps every announcement in memory, for tests.
public final class CapturedJournal: Journal {
    public private(set) var entries: [Announcement] = []

    public init() {}

    public func record(_ announcement: Announcement) { entries.append(announcement) }
}
