"""Fills a ledger that salesd created with a long, realistic history, straight through SQLite.

salesd itself creates the file (schema, migrations, the plan event); this only appends rows in
the same shape `salesd` writes them, spread evenly over the days before today.
"""

import datetime as dt
import sqlite3

UTC = dt.timezone.utc
DAY_MS = 86_400_000

INSERT = """INSERT INTO events (kind, at, day, action, count, note, slot, scheduled, lateness_ms,
                                until, ref, result_kind, value, source, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""


def _rows(actions, total, days, today):
    """`total` events over the `days` days ending `today`: reminders, dones, snoozes, skips, results.

    Per 20 events of a day: 6 reminders, 11 dones, a snooze, a skip and a result.
    """
    per_day, extra = divmod(total, days)
    first = today - dt.timedelta(days=days - 1)
    for d in range(days):
        day = first + dt.timedelta(days=d)
        day_text = day.isoformat()
        start_ms = int(dt.datetime.combine(day, dt.time(6), UTC).timestamp() * 1000)
        n = per_day + (1 if d < extra else 0)
        spacing_ms = (12 * 3_600_000) // max(n, 1)
        for i in range(n):
            at = start_ms + i * spacing_ms
            action = actions[i % len(actions)]
            kind_slot = i % 20
            if kind_slot < 6:
                slot = dt.datetime.fromtimestamp(at / 1000, UTC).strftime("%H:%M:%S")
                yield ("reminder", at + 3, day_text, action, None, None, slot, at, 3, None, None, None, None,
                       None, None)
            elif kind_slot < 17:
                yield ("done", at, day_text, action, 1, None, None, None, None, None, None, None, None,
                       "ctl", None)
            elif kind_slot == 17:
                yield ("snooze", at, day_text, action, None, None, None, None, None, at + 900_000, None,
                       None, None, "ctl", None)
            elif kind_slot == 18:
                yield ("skip", at, day_text, action, None, "travelling", None, None, None, None, None,
                       None, None, "ctl", None)
            else:
                yield ("result", at, day_text, None, None, "bench", None, None, None, None, None,
                       "proposal", 1.0, "ctl", None)


def fill(path, actions, total, days, today):
    """Appends `total` events to the ledger at `path`; returns how many events it now holds."""
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA synchronous = OFF")  # a generator, not a ledger: durability is not the point
        with db:
            db.executemany(INSERT, _rows(actions, total, days, today))
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    finally:
        db.close()
