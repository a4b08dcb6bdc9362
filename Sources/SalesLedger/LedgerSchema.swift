import GRDB

/// The ledger's schema, as an ordered list of migrations.
///
/// A released migration is never edited: a schema change is a new migration appended here,
/// so a ledger written by any earlier version opens in this one.
enum LedgerSchema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2-requests") { db in
            try db.execute(sql: v2Requests)
        }
        return migrator
    }()

    private static let v1 = """
        CREATE TABLE events (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            kind        TEXT NOT NULL,
            at          INTEGER NOT NULL,   -- ms since the Unix epoch, UTC
            day         TEXT NOT NULL,      -- YYYY-MM-DD in the plan's zone
            action      TEXT,
            count       INTEGER,
            note        TEXT,
            slot        TEXT,
            scheduled   INTEGER,            -- ms since the Unix epoch
            lateness_ms INTEGER,
            until       INTEGER,            -- ms since the Unix epoch
            ref         INTEGER REFERENCES events(id),
            result_kind TEXT,
            value       REAL,
            source      TEXT,
            payload     TEXT
        );
        CREATE INDEX events_day ON events(day);
        CREATE INDEX events_kind_day ON events(kind, day);
        -- A reminder occurrence is recorded once ever, fired or missed: this is what keeps
        -- a restarted daemon from announcing it twice.
        CREATE UNIQUE INDEX events_reminder_once ON events(action, day, slot)
            WHERE kind IN ('reminder', 'missed');
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END;
        """

    /// The client requests that recorded an event, so a retried request is recognised and
    /// counts once. Kept apart from `events`: a request key is transport, not the person's record.
    private static let v2Requests = """
        CREATE TABLE requests (
            id    TEXT PRIMARY KEY,
            event INTEGER NOT NULL REFERENCES events(id)
        ) WITHOUT ROWID;
        """
}
