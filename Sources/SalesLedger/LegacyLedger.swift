import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Moves a ledger from where systemd 252 kept the service's state (`StateDirectory=` of a user
/// unit maps to `~/.config/salesd`) to the one ledger folder every command uses.
enum LegacyLedger {
    /// Moves `legacy/ledger.sqlite` (with its write-ahead log) into `folder` when `folder` has no
    /// ledger yet; returns a line saying what was done, or nil when there was nothing to do.
    ///
    /// The log moves first and the main file last, so a move interrupted halfway is completed by
    /// the next one and never separates committed data from its file.
    static func move(from legacy: URL, to folder: URL) throws(LedgerError) -> String? {
        let source = legacy.appendingPathComponent(Ledger.fileName).path
        let target = folder.appendingPathComponent(Ledger.fileName).path
        guard legacy.standardizedFileURL.path != folder.standardizedFileURL.path, isFile(source) else { return nil }
        if isFile(target) {
            return """
                an older ledger is still at \(source) (systemd 252 kept the service's ledger there); \
                salesd uses \(target) and leaves that one alone (look at it with \
                `salesd export --csv --state-dir \(legacy.path)`), ignoring
                """
        }
        unlink(source + "-shm")
        unlink(target + "-shm")
        try rename(source + "-wal", to: target + "-wal", optional: true)
        try rename(source, to: target, optional: false)
        return "moved the ledger from \(source) to \(target), where every salesd command finds it"
    }

    private static func rename(_ from: String, to: String, optional: Bool) throws(LedgerError) {
        if Glibc.rename(from, to) == 0 { return }
        if optional, errno == ENOENT { return }
        let reason = errno == EXDEV
            ? "it is on another file system than \(to); move it there by hand (with the daemon stopped)"
            : "cannot rename it to \(to): \(String(cString: strerror(errno)))"
        throw LedgerError(.cannotMove, path: from, detail: reason)
    }

    private static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
