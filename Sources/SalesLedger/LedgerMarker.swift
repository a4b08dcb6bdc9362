import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small file beside the ledger's folder that says a ledger was kept in it.
///
/// It lives outside the folder on purpose: when the folder is deleted (`rm -rf`), the marker
/// stays, and salesd refuses to start a new, empty ledger where one was before. Whoever
/// creates a ledger writes it (the daemon, `import`, `restore`); removing it, or
/// `--new-ledger` (of `prepare-state` or `run`), is how a person says "start over".
public enum LedgerMarker {
    /// `<parent>/<folder name>.has-ledger`, e.g. `~/.local/state/salesd.has-ledger`.
    public static func path(for folder: URL) -> String {
        let standard = folder.standardizedFileURL
        return standard.deletingLastPathComponent()
            .appendingPathComponent(standard.lastPathComponent + ".has-ledger").path
    }

    /// Whether the marker for `folder` exists.
    public static func exists(for folder: URL) -> Bool {
        var info = stat()
        return lstat(path(for: folder), &info) == 0
    }

    /// Writes the marker for `folder` unless it exists; returns whether it is there afterwards.
    ///
    /// - Throws: ``LedgerError/Code/cannotOpen`` when it cannot be written (e.g. the parent is
    ///   read-only, as in the sandboxed service, where `salesd prepare-state` writes it first).
    public static func record(for folder: URL, now: Date) throws(LedgerError) {
        let file = path(for: folder)
        if exists(for: folder) { return }
        let fd = Glibc.open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { return }
            throw LedgerError(.cannotOpen, path: file, detail: "cannot write the ledger marker: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let ledger = folder.appendingPathComponent(Ledger.fileName).path
        let text = """
            salesd keeps a ledger at \(ledger) (since \(ISO8601DateFormatter().string(from: now))).
            While this file exists, salesd refuses to start an empty ledger there if that one is missing.
            Restore a backup with `salesd restore FILE`, or start over with `salesd prepare-state --new-ledger`.

            """
        _ = text.withCString { write(fd, $0, strlen($0)) }
        fsync(fd)
    }
}
