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
