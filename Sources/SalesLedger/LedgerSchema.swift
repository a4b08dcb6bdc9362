import GRDB

/// The ledger's schema, as an ordered list of migrations.
///
/// A released migration is never edited: a schema change is a new migration appended here,
/// so a ledger written by any earlier version opens in this one.
enum LedgerSchema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        let migrations = [
            ("v1", v1), ("v2-requests", v2Requests), ("v3-done-totals", v3DoneTotals),
            ("v4-commitment-kept-once", v4CommitmentKeptOnce), ("v5-scored-index", v5ScoredIndex),
            ("v6-people", v6People), ("v7-excuse-totals", v7ExcuseTotals), ("v8-undo-ref-index", v8UndoRefIndex),
        ]
        for (identifier, sql) in migrations {
            migrator.registerMigration(identifier) { db in try db.execute(sql: sql) }
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

    /// Done counts per day and action, so a week over a large ledger reads a row per day and
    /// action instead of every done event. A cache only, never a source of truth: the
    /// migration builds it from the events, triggers keep it in step with every later done
    /// and every undo of one, and a test checks it against a recount of the events.
    static let v3DoneTotals = """
        CREATE TABLE done_totals (
            day    TEXT NOT NULL,
            action TEXT NOT NULL,
            total  INTEGER NOT NULL,
            PRIMARY KEY (day, action)
        ) WITHOUT ROWID;
        \(doneTotalsRebuild)
        CREATE TRIGGER done_totals_add AFTER INSERT ON events
            WHEN NEW.kind = 'done' AND NEW.action IS NOT NULL
            BEGIN
                INSERT INTO done_totals (day, action, total) VALUES (NEW.day, NEW.action, COALESCE(NEW.count, 1))
                ON CONFLICT (day, action) DO UPDATE SET total = total + excluded.total;
            END;
        -- An undo cancels the done it names, once: a second undo of the same done changes nothing,
        -- as the scoreboard reads it.
        CREATE TRIGGER done_totals_undo AFTER INSERT ON events
            WHEN NEW.kind = 'undo' AND NEW.ref IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM events WHERE kind = 'undo' AND ref = NEW.ref AND id <> NEW.id)
            BEGIN
                UPDATE done_totals SET total = total - (
                    SELECT COALESCE(count, 1) FROM events WHERE id = NEW.ref AND kind = 'done')
                WHERE (day, action) = (SELECT day, action FROM events WHERE id = NEW.ref AND kind = 'done');
            END;
        """

    /// A commitment is answered kept or not once: the weekly session cannot record two answers
    /// for one commitment, even from two clients at once.
    static let v4CommitmentKeptOnce = """
        CREATE UNIQUE INDEX events_commitment_kept_once ON events(ref) WHERE kind = 'commitment-kept';
        """

    /// The skip, day-off and result rows the scoreboard reads, with the columns it reads, in
    /// day order: a week's streak reads them from this small index alone, never from the table
    /// (where they lie scattered between a million reminders and dones).
    static let v5ScoredIndex = """
        CREATE INDEX events_scored ON events(day, id, kind, action, result_kind, value)
            WHERE kind IN ('skip', 'day-off', 'result');
        """

    /// Fills `done_totals` from the events.
    static let doneTotalsRebuild = """
        DELETE FROM done_totals;
        INSERT INTO done_totals (day, action, total)
            \(doneTotalsRecount);
        """

    /// `done_totals` recounted from the events: what the cache must always equal.
    static let doneTotalsRecount = """
        SELECT day, action, SUM(COALESCE(count, 1)) FROM events
            WHERE kind = 'done' AND action IS NOT NULL
              AND id NOT IN (SELECT ref FROM events WHERE kind = 'undo' AND ref IS NOT NULL)
            GROUP BY day, action
        """

    /// People in the pipeline. Their names, companies and notes are other people's personal
    /// data, so they live in `people` and `person_texts`, which `forget` may blank, while
    /// `person_events` stays append-only like `events` and holds no free text at all.
    ///
    /// The one change `events` now allows is erasure: a note set to NULL with every other
    /// column unchanged, so `forget` can blank a done note or skip reason that names someone.
    static let v6People = """
        CREATE TABLE people (
            id        INTEGER PRIMARY KEY AUTOINCREMENT,
            name      TEXT,               -- NULL once forgotten
            company   TEXT,
            forgotten INTEGER             -- ms since the Unix epoch
        );
        CREATE TABLE person_events (
            id      INTEGER PRIMARY KEY AUTOINCREMENT,
            kind    TEXT NOT NULL,        -- added touched moved won lost edited undo forgotten
            at      INTEGER NOT NULL,     -- ms since the Unix epoch, UTC
            day     TEXT NOT NULL,        -- YYYY-MM-DD in the plan's zone
            person  INTEGER NOT NULL REFERENCES people(id),
            step    TEXT,
            ref     INTEGER REFERENCES person_events(id),
            done    INTEGER REFERENCES events(id),
            results TEXT,                 -- won: the result event ids, comma-separated
            source  TEXT
        );
        CREATE INDEX person_events_person ON person_events(person);
        CREATE TRIGGER person_events_no_update BEFORE UPDATE ON person_events
            BEGIN SELECT RAISE(ABORT, 'person events are append-only: UPDATE refused'); END;
        CREATE TRIGGER person_events_no_delete BEFORE DELETE ON person_events
            BEGIN SELECT RAISE(ABORT, 'person events are append-only: DELETE refused'); END;
        CREATE TABLE person_texts (
            event   INTEGER PRIMARY KEY REFERENCES person_events(id),
            person  INTEGER NOT NULL REFERENCES people(id),
            name    TEXT,
            company TEXT,
            note    TEXT,
            next    TEXT,
            due     TEXT
        );
        CREATE INDEX person_texts_person ON person_texts(person);
        CREATE TABLE person_requests (
            id    TEXT PRIMARY KEY,
            event INTEGER NOT NULL REFERENCES person_events(id)
        ) WITHOUT ROWID;
        DROP TRIGGER events_no_update;
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
            WHEN NOT (NEW.note IS NULL AND OLD.note IS NOT NULL
                AND NEW.id IS OLD.id AND NEW.kind IS OLD.kind AND NEW.at IS OLD.at AND NEW.day IS OLD.day
                AND NEW.action IS OLD.action AND NEW.count IS OLD.count AND NEW.slot IS OLD.slot
                AND NEW.scheduled IS OLD.scheduled AND NEW.lateness_ms IS OLD.lateness_ms
                AND NEW.until IS OLD.until AND NEW.ref IS OLD.ref AND NEW.result_kind IS OLD.result_kind
                AND NEW.value IS OLD.value AND NEW.source IS OLD.source AND NEW.payload IS OLD.payload)
            BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END;
        """

    /// Skips per day and action, and days off per day, so the streak's months of history read a
    /// row per day and action instead of every skip and day-off event. A cache like
    /// `done_totals`: the migration builds it from the events, triggers keep it in step with
    /// every later skip, day off and undo of one, and a test checks it against a recount.
    /// A day off has no action here (`''`): the scoreboard reads none of it.
    static let v7ExcuseTotals = """
        CREATE TABLE excuse_totals (
            day    TEXT NOT NULL,
            kind   TEXT NOT NULL,      -- skip or day-off
            action TEXT NOT NULL,      -- '' for a day off
            total  INTEGER NOT NULL,
            PRIMARY KEY (day, kind, action)
        ) WITHOUT ROWID;
        INSERT INTO excuse_totals (day, kind, action, total) \(excuseTotalsRecount);
        CREATE TRIGGER excuse_totals_add AFTER INSERT ON events
            WHEN (NEW.kind = 'skip' AND NEW.action IS NOT NULL) OR NEW.kind = 'day-off'
            BEGIN
                INSERT INTO excuse_totals (day, kind, action, total)
                VALUES (NEW.day, NEW.kind, CASE NEW.kind WHEN 'skip' THEN NEW.action ELSE '' END, 1)
                ON CONFLICT (day, kind, action) DO UPDATE SET total = total + 1;
            END;
        -- As for done_totals: an undo cancels the skip or day off it names, once.
        CREATE TRIGGER excuse_totals_undo AFTER INSERT ON events
            WHEN NEW.kind = 'undo' AND NEW.ref IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM events WHERE kind = 'undo' AND ref = NEW.ref AND id <> NEW.id)
            BEGIN
                UPDATE excuse_totals SET total = total - 1
                WHERE (day, kind, action) = (
                    SELECT day, kind, CASE kind WHEN 'skip' THEN action ELSE '' END FROM events
                    WHERE id = NEW.ref AND ((kind = 'skip' AND action IS NOT NULL) OR kind = 'day-off'));
            END;
        """

    /// The undos by the event they cancel: the undo triggers of `done_totals` and
    /// `excuse_totals` ask whether an event was undone before, and without this index SQLite
    /// answers by reading every undo in the ledger, on every undo recorded.
    static let v8UndoRefIndex = """
        CREATE INDEX events_undo_ref ON events(ref) WHERE kind = 'undo';
        """

    /// `excuse_totals` recounted from the events: what the cache must always equal.
    static let excuseTotalsRecount = """
        SELECT day, kind, CASE kind WHEN 'skip' THEN action ELSE '' END, COUNT(*) FROM events
            WHERE ((kind = 'skip' AND action IS NOT NULL) OR kind = 'day-off')
              AND id NOT IN (SELECT ref FROM events WHERE kind = 'undo' AND ref IS NOT NULL)
            GROUP BY 1, 2, 3
        """
}
