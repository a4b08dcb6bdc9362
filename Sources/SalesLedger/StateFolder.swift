import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The ledger's folder as the daemon, `import` and `restore` take it: locked for them alone,
/// the ledger checked sound, and never a new empty ledger where one was before.
public struct StateFolder: Sendable {
    /// The folder.
    public let directory: URL
    /// Held for as long as this value (or a copy of the lock) lives.
    public let lock: StateLock
    /// The ledger, open for writing.
    public let ledger: Ledger
    /// What was done on the way that a person should hear of (a moved ledger, a marker that
    /// could not be written), one line each.
    public let notes: [String]

    /// Takes `directory` for `role` ("salesd run"): in order, 1. creates the folder (0700);
    /// 2. locks it, refusing when another process holds it; 3. moves a ledger from `legacy`
    /// (systemd 252's state folder) into it when it has none; 4. refuses when the ledger file is
    /// missing but the marker says one was there, unless `newLedger`; 5. opens the ledger
    /// (creating it if new) and checks it with `quick_check`; 6. writes the marker.
    ///
    /// - Throws: ``LedgerError`` with code `inUse`, `missing`, `corrupt`, or whatever opening failed with.
    public static func take(
        _ directory: URL, role: String, legacy: URL? = nil, newLedger: Bool = false, now: Date = Date()
    ) throws(LedgerError) -> StateFolder {
        var notes: [String] = []
        try LedgerFiles.prepareFolder(directory.path)
        let lock = try StateLock.acquire(folder: directory, role: role)
        if let legacy, let note = try LegacyLedger.move(from: legacy, to: directory) {
            notes.append(note)
        }
        let file = directory.appendingPathComponent(Ledger.fileName).path
        // An empty file is as good as none: SQLite would make a new ledger of it.
        var info = stat()
        let absent = lstat(file, &info) != 0 || info.st_size == 0
        if absent, LedgerMarker.exists(for: directory), !newLedger {
            throw LedgerError(.missing, path: file, detail: """
                salesd kept a ledger here before (\(LedgerMarker.path(for: directory)) says so), \
                and will not start an empty one in its place
                """)
        }
        let ledger = try Ledger.open(directory: directory)
        try ledger.requireSound()
        do {
            try LedgerMarker.record(for: directory, now: now)
        } catch {
            notes.append("\(error.description), ignoring")
        }
        return StateFolder(directory: directory, lock: lock, ledger: ledger, notes: notes)
    }
}

extension StateFolder {
    /// `salesd restore`: puts the ledger in `file` in place of the one in `directory`
    /// (see ``Ledger/restore(from:into:now:)``), holding the folder's lock meanwhile, and writes
    /// the marker.
    ///
    /// - Throws: ``LedgerError/Code/inUse`` naming the daemon while one runs on the folder;
    ///   ``LedgerError/Code/notALedger`` when `file` is not a sound salesd ledger.
    public static func restore(_ file: String, into directory: URL, now: Date = Date())
        throws(LedgerError) -> Ledger.Restored
    {
        try LedgerFiles.prepareFolder(directory.path)
        let lock = try StateLock.acquire(folder: directory, role: "salesd restore")
        let restored = try withExtendedLifetime(lock) { () throws(LedgerError) -> Ledger.Restored in
            try Ledger.restore(from: file, into: directory, now: now)
        }
        try? LedgerMarker.record(for: directory, now: now)
        return restored
    }
}
