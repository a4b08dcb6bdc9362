import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

extension Ledger {
    /// What ``restore(from:into:now:)`` did.
    public struct Restored: Equatable, Sendable {
        /// How many events the restored ledger holds.
        public var events: Int
        /// Where the ledger that was replaced now is, if there was one.
        public var keptAside: String?

        public init(events: Int, keptAside: String?) {
            self.events = events
            self.keptAside = keptAside
        }
    }

    /// Puts the ledger in `file` (a backup) in place of the one in `directory`, whose folder
    /// the caller has locked (``StateLock``).
    ///
    /// In order: 1. checks `file` with `integrity_check` and that it holds salesd's events;
    /// 2. copies it next to the ledger; 3. renames the current ledger (and its log) to
    /// `ledger.sqlite.before-restore-<UTC timestamp>`, without opening it, so a damaged one can
    /// be set aside too; 4. renames the copy into place and opens it, bringing its schema up to date.
    ///
    /// - Throws: ``LedgerError/Code/notALedger`` when `file` is not a sound salesd ledger.
    public static func restore(from file: String, into directory: URL, now: Date) throws(LedgerError) -> Restored {
        let source: Ledger
        do throws(LedgerError) {
            source = try openReadOnly(file: file)
            let verdict = try source.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            guard verdict == ["ok"] else {
                throw LedgerError(.notALedger, path: file, detail: "integrity_check found: \(verdict.prefix(3).joined(separator: "; "))")
            }
            let salesd = try source.read { db in
                try db.tableExists("events") && LedgerSchema.migrator.appliedIdentifiers(db).contains("v1")
            }
            guard salesd else {
                throw LedgerError(.notALedger, path: file, detail: "it has no salesd events table")
            }
        } catch where error.code == .notALedger {
            throw error
        } catch {
            throw LedgerError(.notALedger, path: file, detail: error.detail)
        }
        try LedgerFiles.prepareFolder(directory.path)
        let target = directory.appendingPathComponent(fileName).path
        let incoming = target + ".restoring"
        try source.backup(to: incoming)

        var keptAside: String?
        var info = stat()
        if lstat(target, &info) == 0 {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            var aside = target + ".before-restore-" + formatter.string(from: now)
            // Never over an earlier one: two restores within a second keep both ledgers.
            var taken = stat()
            var attempt = 1
            while lstat(aside, &taken) == 0 {
                attempt += 1
                aside = target + ".before-restore-" + formatter.string(from: now) + "-\(attempt)"
            }
            if rename(target + "-wal", aside + "-wal") != 0, errno != ENOENT {
                throw LedgerError(.cannotMove, path: target + "-wal", detail: String(cString: strerror(errno)))
            }
            guard rename(target, aside) == 0 else {
                throw LedgerError(.cannotMove, path: target, detail: String(cString: strerror(errno)))
            }
            keptAside = aside
        }
        unlink(target + "-shm")
        unlink(target + "-wal")
        guard rename(incoming, target) == 0 else {
            throw LedgerError(.cannotMove, path: incoming, detail: String(cString: strerror(errno)))
        }
        let restored = try open(directory: directory)
        return Restored(events: try restored.count(), keptAside: keptAside)
    }
}
