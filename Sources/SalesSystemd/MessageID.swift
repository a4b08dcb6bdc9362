import SalesEngine

/// The journal's `MESSAGE_ID` for each kind of announcement.
///
/// The ids are fixed forever: `systemd/salesd.catalog` explains each one, and people filter
/// with `journalctl MESSAGE_ID=…`. Never reuse or change one; add a new id for a new kind.
public enum MessageID {
    /// The 128-bit id (32 lowercase hex digits) of `kind`.
    public static func of(_ kind: Announcement.Kind) -> String {
        switch kind {
        case .reminder: "5db1f074669e405d83076faa6e9eb319"
        case .missed: "734c16b196ee45debbfc3bb6390e1797"
        case .morning: "40961d0649e24670b0bd98646af2288d"
        case .review: "ba1146392b11474580943b2f77892ac1"
        case .done: "98a6b86b44a145ccb9afaa29eef44134"
        case .undo: "daca5f29356749f5a1a202d0072cedce"
        case .skip: "f3dda0734911422da8718ffa675f4912"
        case .dayOff: "5b33f41580cc4f819bf409cacafbf785"
        case .snooze: "b0a5a14c832e448aa97ae247806a2746"
        case .result: "464b9b885ae44f89a682044b25b0d2bb"
        case .started: "bf7df79833c94dc384b75ca6d9efa83a"
        case .reloaded: "43e784069a094ada937779e87efdf387"
        case .reloadFailed: "93a56172921b4d9699b3ef261b96b156"
        case .stopping: "5270ff41d65f446580040953374fad81"
        case .notifications: "e36e1ed48ab641c6961a6496bf19fe78"
        case .person: "0c5c2e8f3b6a4d0e9a51f7d2b8c4e613"
        case .followUps: "7a1f4d9e2b3c48a6b5e0c9d8f7a6b5c4"
        }
    }
}
