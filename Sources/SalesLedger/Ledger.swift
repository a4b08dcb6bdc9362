import Foundation
import GRDB
import SalesPlan
#if canImport(Glibc)
import Glibc
#endif

/// The append-only event log on disk: the source of truth every scoreboard figure comes from.
///
/// Each write is one transaction, committed in WAL mode with `synchronous = FULL`, so an
/// event is on disk when the call returns and survives a crash or SIGKILL right after it.
/// Calls block until done; the daemon makes them from its serial queue.
///
/// Before a write commits, the ledger checks that its file is still the one at its path: a
/// ledger deleted or replaced under a running daemon refuses writes instead of acknowledging
/// events into a file nobody will read again.
public final class Ledger: Sendable {
    /// The ledger's file name inside its folder.
    public static let fileName = "ledger.sqlite"

    /// The ledger file's path.
    public let path: String
    /// Whether this ledger was opened only to read it (export, report, backup).
    public let isReadOnly: Bool
    let queue: DatabaseQueue
    /// The file as opened, to notice it being deleted or replaced.
    private let identity: FileIdentity

    private init(path: String, queue: DatabaseQueue, identity: FileIdentity, isReadOnly: Bool) {
        self.path = path
        self.queue = queue
        self.identity = identity
        self.isReadOnly = isReadOnly
    }

    /// Opens (creating if needed) the ledger in `directory`, bringing its schema up to date.
    ///
    /// The folder is made mode 0700 and the file 0600, also when they already existed with
    /// looser modes: the ledger is a private record of someone's work.
    public static func open(directory: URL) throws(LedgerError) -> Ledger {
        try LedgerFiles.prepareFolder(directory.path)
        let path = directory.appendingPathComponent(fileName).path
        try LedgerFiles.prepareFile(path)
        let ledger = try connect(path: path, readOnly: false)
        try ledger.migrate()
        return ledger
    }

    /// Opens the ledger in `directory` only to read it, creating and changing nothing: safe
    /// while a daemon writes to it.
    ///
    /// - Throws: ``LedgerError/Code/notFound`` when there is no ledger file there.
    public static func openReadOnly(directory: URL) throws(LedgerError) -> Ledger {
        try openReadOnly(file: directory.appendingPathComponent(fileName).path)
    }

    /// Opens the ledger file `path` only to read it (see ``openReadOnly(directory:)``).
    ///
    /// - Throws: ``LedgerError/Code/notFound`` when there is no such file;
    ///   ``LedgerError/Code/newerVersion`` when a newer salesd wrote it; ``LedgerError/Code/corrupt``
    ///   when it is not an SQLite database.
    public static func openReadOnly(file path: String) throws(LedgerError) -> Ledger {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw LedgerError(.notFound, path: path, detail: String(cString: strerror(errno)))
        }
        let ledger = try connect(path: path, readOnly: true)
        let superseded = try ledger.read { db in try LedgerSchema.migrator.hasBeenSuperseded(db) }
        if superseded {
            throw LedgerError(.newerVersion, path: path, detail: "its schema is newer than this salesd's")
        }
        return ledger
    }

    /// The ledger at `path`, its identity taken before SQLite opens it.
    private static func connect(path: String, readOnly: Bool) throws(LedgerError) -> Ledger {
        let identity = try FileIdentity(path: path)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: readOnly))
        } catch {
            throw LedgerError(error, path: path)
        }
        return Ledger(path: path, queue: queue, identity: identity, isReadOnly: readOnly)
    }

    private static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // A reader takes the file as it is: the journal mode is the writer's to set.
            if readOnly { return }
            // Set by hand rather than with `journalMode = .wal`, which would lower
            // `synchronous` to NORMAL: a commit must be durable when it returns.
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            guard mode == "wal" else {
                throw DatabaseError(resultCode: .SQLITE_CANTOPEN, message: "cannot use WAL journal mode (got \(mode ?? "none"))")
            }
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    private func migrate() throws(LedgerError) {
        let superseded = try read { db in try LedgerSchema.migrator.hasBeenSuperseded(db) }
        if superseded {
            let applied = (try? read { db in try LedgerSchema.migrator.appliedIdentifiers(db) }) ?? []
            throw LedgerError(.newerVersion, path: path, detail: "unknown schema versions \(applied.sorted())")
        }
        do {
            try LedgerSchema.migrator.migrate(queue)
        } catch {
            throw LedgerError(error, path: path)
        }
    }

    /// Records `event` (any `id` it carries is ignored) and returns it with its new id.
    @discardableResult
    public func append(_ event: Event) throws(LedgerError) -> Event {
        try write { db in try EventRecord.insert(event, db) }
    }

    /// Records `events` in order, all or none, and returns them with their new ids.
    @discardableResult
    public func append(_ events: [Event]) throws(LedgerError) -> [Event] {
        guard !events.isEmpty else { return [] }
        return try write { db in try events.map { try EventRecord.insert($0, db) } }
    }

    /// Records a `reminder` or `missed` event unless its (action, day, slot) is already
    /// recorded, in which case it returns nil: a reminder is announced once ever, across restarts.
    public func recordReminder(_ event: Event) throws(LedgerError) -> Event? {
        try recordReminders([event])[0]
    }

    /// ``recordReminder(_:)`` for several reminders in one transaction (one sync to disk for
    /// all the reminders of one minute): each stored event, or nil for one recorded before.
    /// Either all are recorded or, on an error, none.
    public func recordReminders(_ events: [Event]) throws(LedgerError) -> [Event?] {
        for event in events {
            guard event.kind == .reminder || event.kind == .missed, event.action != nil, event.slot != nil else {
                throw LedgerError(.invalidEvent, path: path, detail: """
                    a reminder needs kind reminder or missed, an action and a slot \
                    (got kind \(event.kind.rawValue), action \(event.action ?? "none"), slot \(event.slot ?? "none"))
                    """)
            }
        }
        return try write { db in
            try events.map { event in
                if try Ledger.reminderExists(db, action: event.action!, day: event.day, slot: event.slot!) { return nil }
                return try EventRecord.insert(event, db)
            }
        }
    }

    /// Throws ``LedgerError/Code/vanished`` when the file this ledger has open is no longer the
    /// one at its path (deleted, or another put in its place).
    public func checkInPlace() throws(LedgerError) {
        try identity.checkStillAt(path)
    }

    func write<T>(_ updates: (Database) throws -> T) throws(LedgerError) -> T {
        let identity = self.identity
        let path = self.path
        do {
            return try queue.write { db in
                let value = try updates(db)
                // Last, so that the transaction is rolled back, not committed into a lost file.
                try identity.checkStillAt(path)
                return value
            }
        } catch {
            throw LedgerError(error, path: path)
        }
    }

    func read<T>(_ value: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try queue.read(value)
        } catch {
            throw LedgerError(error, path: path)
        }
    }

    /// A read, in one transaction like ``read(_:)``, whose cached statements stay prepared for
    /// the next call: ``read(_:)`` turns `PRAGMA query_only` on and off around its block, and
    /// SQLite expires every prepared statement when such a pragma changes, so the questions the
    /// daemon asks on every `Week` would be parsed again each time. `value` runs SELECTs only.
    func readPrepared<T>(_ value: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try queue.unsafeRead { db in
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try value(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw LedgerError(error, path: path)
        }
    }
}
