import Foundation
import Logging
import SalesEngine

/// Decides where announcements and log lines go: the systemd journal, stderr, or both.
///
/// The journal is used when journald listens on its socket. Readable lines go to stderr too, unless
/// stderr already is a journal stream (`JOURNAL_STREAM` names it, as systemd sets it for a
/// service), which would write everything twice.
public struct JournalSelection: Hashable, Sendable {
    /// Where journald listens for native entries.
    public static let defaultSocketPath = "/run/systemd/journal/socket"

    /// Write structured entries to the systemd journal.
    public var systemdJournal: Bool
    /// Write readable lines to stderr.
    public var standardError: Bool

    public init(systemdJournal: Bool, standardError: Bool) {
        self.systemdJournal = systemdJournal
        self.standardError = standardError
    }

    /// Looks at the environment and the file system.
    ///
    /// - Parameters:
    ///   - environment: the process environment (reads `JOURNAL_STREAM`).
    ///   - socketPath: journald's native socket.
    ///   - standardErrorDescriptor: the fd compared against `JOURNAL_STREAM`'s `device:inode`.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        socketPath: String = JournalSelection.defaultSocketPath,
        standardErrorDescriptor: Int32 = STDERR_FILENO
    ) {
        let journalListens = Self.isListening(socketPath)
        let stderrIsJournal = Self.isJournalStream(environment["JOURNAL_STREAM"], descriptor: standardErrorDescriptor)
        self.init(systemdJournal: journalListens, standardError: !journalListens || !stderrIsJournal)
    }

    /// The journal to hand announcements to; `zone` (the plan's) becomes the ``DisplayZone`` its
    /// stderr lines, and the log handler's, are written in.
    public func makeJournal(zone: TimeZone) -> any Journal {
        DisplayZone.shared.zone = zone
        var journals: [any Journal] = []
        if systemdJournal { journals.append(SystemdJournal()) }
        if standardError { journals.append(StderrJournal(zone: nil)) }
        return journals.count == 1 ? journals[0] : MultiJournal(journals)
    }

    /// A log handler for salesd's diagnostics, writing where announcements go.
    public func makeLogHandler(label: String) -> JournalLogHandler {
        JournalLogHandler(
            label: label, systemdJournal: systemdJournal,
            standardError: standardError ? JournalLogHandler.writeToStandardError : nil)
    }

    /// `true` when something receives datagrams at `path`.
    ///
    /// Checking that the file exists is not enough: journald leaves its socket behind when it
    /// stops, and `sd_journal_sendv` reports success even when nobody receives the entry.
    static func isListening(_ path: String) -> Bool {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.utf8.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
            }
        }
    }

    /// `true` when `value` (`"device:inode"`) names the file open on `descriptor`.
    ///
    /// Comparing, rather than only checking that the variable is set, matters because
    /// programs started by a service (a terminal, say) inherit `JOURNAL_STREAM`.
    static func isJournalStream(_ value: String?, descriptor: Int32) -> Bool {
        guard let value else { return false }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return false }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }
}
