import Foundation
import GRDB

/// Why the ledger could not be opened, read or written, phrased for the person who must fix it.
///
/// The description says what failed, quotes the path, and ends with a hint.
public struct LedgerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as a category a caller can branch on.
    public enum Code: String, Hashable, Sendable {
        case cannotCreateFolder
        case cannotRestrictMode
        case cannotOpen
        case readOnly
        case diskFull
        case ioError
        case corrupt
        case busy
        case newerVersion
        case appendOnly
        case duplicateReminder
        case invalidEvent
        case invalidImport
        case notEmpty
        case unreadableEvent
        /// Another process (a daemon, an import, a restore) holds the state folder's lock.
        case inUse
        /// The open ledger file was deleted or replaced while in use: writes would be lost.
        case vanished
        /// The ledger file is gone from a folder that held one before.
        case missing
        /// There is no ledger to read yet.
        case notFound
        /// A file offered to `restore` is not a sound salesd ledger.
        case notALedger
        /// A ledger file could not be moved, copied or set aside.
        case cannotMove
        case failed
    }

    public let code: Code
    /// The ledger file (or, for folder errors, the folder) concerned.
    public let path: String
    /// The underlying reason, usually SQLite's or the system's message.
    public let detail: String

    /// An error of kind `code` about `path`, with the underlying reason `detail`.
    public init(_ code: Code, path: String, detail: String) {
        self.code = code
        self.path = path
        self.detail = detail
    }

    public var description: String {
        switch code {
        case .cannotCreateFolder:
            "cannot create ledger folder \(path): \(detail) (check that its parent exists and is writable by you, or set STATE_DIRECTORY or XDG_STATE_HOME)"
        case .cannotRestrictMode:
            "cannot restrict the permissions of \(path): \(detail) (run `chmod go-rwx \(path)` as its owner)"
        case .cannotOpen:
            "cannot open ledger \(path): \(detail) (check that the folder exists and is writable by you)"
        case .readOnly:
            "cannot write ledger \(path): \(detail) (check that the file is writable by you and its disk is not mounted read-only)"
        case .diskFull:
            "cannot write ledger \(path): disk full, nothing was recorded (free some space on its disk and retry)"
        case .ioError:
            "cannot read or write ledger \(path): \(detail) (check the disk; `dmesg` may say why)"
        case .corrupt:
            "ledger \(path) is damaged: \(detail) (keep a copy of the file, then restore a backup with `salesd restore FILE`, or salvage what can still be read with `sqlite3 \(path) .dump | sed 's/^ROLLBACK; -- due to errors$/COMMIT;/' | sqlite3 recovered.sqlite` and `salesd restore recovered.sqlite`)"
        case .busy:
            "ledger \(path) is locked: \(detail) (is another salesd using the same state folder?)"
        case .newerVersion:
            "ledger \(path) was written by a newer salesd: \(detail) (run that newer version, or use another state folder)"
        case .appendOnly:
            "cannot change recorded events in ledger \(path): \(detail) (events are append-only; record an undo instead)"
        case .duplicateReminder:
            "ledger \(path) already holds this reminder: \(detail) (a reminder is recorded once; use recordReminder to skip repeats)"
        case .invalidEvent:
            "cannot record event in ledger \(path): \(detail) (check the event's fields)"
        case .invalidImport:
            "cannot import into ledger \(path): \(detail) (check that the file is a complete salesd export)"
        case .notEmpty:
            "cannot import into ledger \(path): \(detail) (import only into a new ledger: move \(path) aside first)"
        case .unreadableEvent:
            "ledger \(path) holds an event this salesd cannot read: \(detail) (was it written by a newer salesd?)"
        case .inUse:
            "ledger folder \(path) is in use: \(detail) (stop it first, e.g. `systemctl --user stop salesd`; one salesd per ledger)"
        case .vanished:
            "ledger \(path) was deleted or replaced while salesd had it open: \(detail); nothing was recorded (restart salesd; if the file is gone, restore a backup with `salesd restore FILE`)"
        case .missing:
            "ledger \(path) is missing: \(detail) (restore a backup with `salesd restore FILE`, or start over with an empty ledger: `salesd prepare-state --new-ledger`, or `salesd run --new-ledger` in a terminal)"
        case .notFound:
            "no ledger at \(path): \(detail) (nothing has been recorded there yet; start the daemon with `salesd run`, or pass --state-dir)"
        case .notALedger:
            "\(path) is not a sound salesd ledger: \(detail) (pass a file written by `salesd backup FILE`)"
        case .cannotMove:
            "cannot move ledger \(path): \(detail) (check that both folders are yours and writable)"
        case .failed:
            "ledger \(path) failed: \(detail) (run `sqlite3 \(path) 'PRAGMA integrity_check'` to check the file)"
        }
    }
}

extension LedgerError {
    /// Classifies an error thrown by SQLite or by the row mapping.
    init(_ error: any Error, path: String) {
        switch error {
        case let error as LedgerError:
            self = error
        case let error as EventRecord.Unreadable:
            self.init(.unreadableEvent, path: path, detail: error.detail)
        case let error as DatabaseError:
            self.init(LedgerError.code(of: error), path: path, detail: error.message ?? "\(error.resultCode)")
        default:
            self.init(.failed, path: path, detail: "\(error)")
        }
    }

    private static func code(of error: DatabaseError) -> Code {
        switch error.extendedResultCode {
        // The only triggers on the schema are the append-only guards.
        case .SQLITE_CONSTRAINT_TRIGGER: return .appendOnly
        // The only unique index besides the primary key is the reminder one.
        case .SQLITE_CONSTRAINT_UNIQUE: return .duplicateReminder
        default: break
        }
        switch error.resultCode {
        case .SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_RANGE: return .invalidEvent
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: return .cannotOpen
        case .SQLITE_READONLY: return .readOnly
        case .SQLITE_FULL: return .diskFull
        case .SQLITE_IOERR: return .ioError
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .corrupt
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy
        default: return .failed
        }
    }
}
