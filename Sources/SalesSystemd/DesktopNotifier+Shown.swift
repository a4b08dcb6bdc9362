import SalesEngine

extension DesktopNotifier {
    /// A notification the server accepted, by its id.
    struct Shown: Equatable {
        var id: UInt32
        /// The plan action a button press on it is about.
        var action: String?
        /// The person a touch button on it is for.
        var person: Int64? = nil
    }

    /// A show that waits for the server's capabilities or for the reply that gives the id to replace.
    struct Waiting {
        var slot: String
        var announcement: Announcement
        var buttons: [NotificationButton]
    }

    /// Who owns `org.freedesktop.Notifications`, as far as salesd knows.
    enum ServerState: Equatable {
        /// `GetNameOwner` was sent and not yet answered.
        case asking
        case absent
        /// Owned by this unique connection name.
        case present(owner: String)
    }
}
