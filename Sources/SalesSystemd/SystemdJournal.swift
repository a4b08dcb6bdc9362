import Foundation
import SalesEngine

/// Writes announcements to the systemd journal as structured entries.
///
/// Called only on the daemon's queue, like every `Journal`.
public final class SystemdJournal: Journal {
    /// The last failure to write, if any; writing goes on with the next announcement.
    public private(set) var lastError: SystemCallError?

    public init() {}

    public func record(_ announcement: Announcement) {
        let result = JournalSender.send(announcement.journalFields)
        guard result < 0 else { return }
        let error = SystemCallError(
            operation: "write \"\(announcement.message)\" to the journal", call: "sd_journal_sendv",
            code: -result, hint: "is systemd-journald running?")
        lastError = error
        // The journal is where failures would normally go; stderr is all that is left.
        FileHandle.standardError.write(Data("salesd: \(error), ignoring\n".utf8))
    }
}
