import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

extension Ledger {
    /// Copies every committed page from the write-ahead log into the main file and empties the
    /// log, so `ledger.sqlite` alone holds everything (done on a clean stop).
    ///
    /// It waits at most `patience` seconds for readers (an `export` in progress) to finish, so a
    /// stop stays well within systemd's `TimeoutStopSec=`.
    public func checkpoint(patience: Int = 1) throws(LedgerError) {
        let busy: Bool
        do {
            busy = try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA busy_timeout = \(patience * 1000)")
                defer { try? db.execute(sql: "PRAGMA busy_timeout = 5000") }
                let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                return (row?[0] as Int?) != 0
            }
        } catch {
            throw LedgerError(error, path: path)
        }
        if busy {
            throw LedgerError(.busy, path: path, detail: "a reader kept the checkpoint from finishing")
        }
    }

    /// SQLite's quick verdict on the file (`PRAGMA quick_check`): "ok" when sound, else the
    /// problems found, one a line. Cheap enough to run at every start.
    public func quickCheck() throws(LedgerError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check").joined(separator: "\n") }
    }

    /// Throws ``LedgerError/Code/corrupt`` with SQLite's findings unless `quick_check` says "ok".
    public func requireSound() throws(LedgerError) {
        let verdict = try quickCheck()
        guard verdict == "ok" else {
            let first = verdict.split(separator: "\n").prefix(3).joined(separator: "; ")
            throw LedgerError(.corrupt, path: path, detail: "quick_check found: \(first)")
        }
    }

    /// Writes a consistent copy of the ledger to `file` with SQLite's online backup API, safe
    /// while a daemon keeps writing; returns how many events the copy holds.
    ///
    /// The copy is a single file (no write-ahead log beside it), mode 0600. It is written next
    /// to `file` under a temporary name and renamed into place, so `file` is never half written.
    @discardableResult
    public func backup(to file: String) throws(LedgerError) -> Int {
        let temporary = file + ".partial-\(getpid())"
        unlink(temporary)
        let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw LedgerError(.cannotMove, path: file, detail: "cannot create \(temporary): \(String(cString: strerror(errno)))")
        }
        close(fd)
        do {
            let destination = try DatabaseQueue(path: temporary)
            try queue.backup(to: destination)
            try destination.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
            }
            let count = try destination.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0 }
            try destination.close()
            guard rename(temporary, file) == 0 else {
                throw LedgerError(.cannotMove, path: file, detail: "cannot rename \(temporary): \(String(cString: strerror(errno)))")
            }
            return count
        } catch {
            unlink(temporary)
            if let error = error as? LedgerError { throw error }
            if let error = error as? DatabaseError, error.message?.contains(temporary) == true || error.resultCode == .SQLITE_CANTOPEN {
                throw LedgerError(.cannotMove, path: file, detail: error.message ?? "\(error.resultCode)")
            }
            throw LedgerError(error, path: path)
        }
    }
}
