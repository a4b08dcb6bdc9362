import Foundation
import GRDB
import SalesPlan

extension Ledger {
    /// Events whose `day` lies in `first...last`, in the order they were recorded.
    public func events(from first: LocalDay, through last: LocalDay) throws(LedgerError) -> [Event] {
        try fetch("SELECT * FROM events WHERE day BETWEEN ? AND ? ORDER BY id", [first.description, last.description])
    }

    /// What a starting engine needs of the days `first...last`, in the order recorded: every
    /// event but reminders, and of the reminders (fired or missed) only each snooze end and the
    /// latest planned or repeat time per action, day and kind. The engine counts the earlier
    /// times of a day as dealt with, so a plan re-reminding every minute starts from a few rows
    /// per action and day rather than 1,440.
    public func eventsForRestart(from first: LocalDay, through last: LocalDay) throws(LedgerError) -> [Event] {
        // `slot` is HH:MM or HH:MM:SS, so its text order is its time order; SQLite takes `id`
        // from the row holding the group's max(slot).
        try fetch("""
            SELECT * FROM events WHERE day BETWEEN ?1 AND ?2
            AND (kind NOT IN ('reminder', 'missed') OR slot LIKE 'snooze@%' OR id IN (
                SELECT id FROM (
                    SELECT id, max(slot) FROM events
                    WHERE kind IN ('reminder', 'missed') AND day BETWEEN ?1 AND ?2 AND slot NOT LIKE 'snooze@%'
                    GROUP BY action, day, kind)))
            ORDER BY id
            """, [first.description, last.description])
    }

    /// The events of some kinds between two local days inclusive, in the order recorded (the
    /// scoreboard reads only what it scores, not the reminders and plan texts).
    public func events(from first: LocalDay, through last: LocalDay, kinds: Set<Event.Kind>)
        throws(LedgerError) -> [Event]
    {
        let names = kinds.map(\.rawValue).sorted()
        let marks = names.map { _ in "?" }.joined(separator: ",")
        return try fetch(
            "SELECT * FROM events WHERE day BETWEEN ? AND ? AND kind IN (\(marks)) ORDER BY id",
            StatementArguments([first.description, last.description] + names))
    }

    /// Events recorded after the one with id `id`, in order.
    public func events(after id: Int64) throws(LedgerError) -> [Event] {
        try fetch("SELECT * FROM events WHERE id > ? ORDER BY id", [id])
    }

    /// Every event, in the order recorded.
    public func allEvents() throws(LedgerError) -> [Event] {
        try fetch("SELECT * FROM events ORDER BY id", [])
    }

    /// Calls `body` with every event in the order recorded, without loading them all at once.
    ///
    /// - Throws: a ``LedgerError``, or whatever `body` throws (which stops the walk).
    public func forEachEvent(_ body: (Event) throws -> Void) throws {
        var bodyError: (any Error)?
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM events ORDER BY id")
            while let row = try rows.next() {
                let event = try EventRecord.event(row)
                do { try body(event) } catch { bodyError = error; return }
            }
        }
        if let bodyError { throw bodyError }
    }

    /// The plan event recorded last: the plan in force now.
    public func latestPlan() throws(LedgerError) -> Event? {
        try fetch("SELECT * FROM events WHERE kind = 'plan' ORDER BY id DESC LIMIT 1", []).first
    }

    /// Every plan event, oldest first, to score each past day against the plan then in force.
    public func plans() throws(LedgerError) -> [Event] {
        try fetch("SELECT * FROM events WHERE kind = 'plan' ORDER BY id", [])
    }

    /// The plan events recorded after the one with id `id`, oldest first: what a reader that
    /// already holds the earlier versions still needs (events are append-only).
    public func plans(after id: Int64) throws(LedgerError) -> [Event] {
        try readPrepared { db in
            try Self.events(db, "SELECT * FROM events WHERE kind = 'plan' AND id > ? ORDER BY id", [id])
        }
    }

    /// Whether a reminder or missed event is recorded for this occurrence.
    public func reminderExists(action: String, day: LocalDay, slot: String) throws(LedgerError) -> Bool {
        try read { db in try Ledger.reminderExists(db, action: action, day: day, slot: slot) }
    }

    /// How many events the ledger holds.
    public func count() throws(LedgerError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0 }
    }

    /// SQLite's verdict on the file: "ok" when sound, else the first problem found.
    public func integrityCheck() throws(LedgerError) -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }

    static func reminderExists(_ db: Database, action: String, day: LocalDay, slot: String) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM events
                           WHERE kind IN ('reminder', 'missed') AND action = ? AND day = ? AND slot = ?)
            """, arguments: [action, day.description, slot]) ?? false
    }

    /// What the scoreboard scores between two local days, with everything an undo cancelled
    /// left out: done counts per day and action from the `done_totals` cache, skips per day and
    /// action and days off per day from `excuse_totals`, then the result events from
    /// `resultsFrom` on (nil: from `first`), each with what the scoreboard reads of it (`at` the
    /// day's UTC midnight). A streak's months of history cost a row per day and action, however
    /// large the ledger; results are read one by one, so their values add up in the order
    /// recorded, only for the weeks shown.
    ///
    /// - Parameter renames: former action ids and the ids in use now (``Plan/renames``): the
    ///   history of a renamed action counts under its current id.
    public func scoredDays(
        from first: LocalDay, through last: LocalDay, resultsFrom: LocalDay? = nil, renames: [String: String] = [:]
    ) throws(LedgerError) -> ScoredDays {
        let range: StatementArguments = [first.description, last.description]
        let from = max(first, resultsFrom ?? first)
        return try readPrepared { db in
            var scored = ScoredDays()
            // Every query returns its rows in day order: each day's text is parsed once.
            var days = DayTexts()
            func current(_ action: String) -> String { renames.isEmpty ? action : renames[action] ?? action }
            let done = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT day, action, total FROM done_totals
                WHERE day BETWEEN ? AND ? AND total <> 0 ORDER BY day, action
                """), arguments: range)
            // A day's counts are gathered apart and stored once, when its rows end.
            var day: LocalDay?
            var counts: [String: Int] = [:]
            while let row = try done.next() {
                guard let next = days.day(row[0]) else { continue }
                if next != day {
                    if let day { scored.done[day] = counts }
                    day = next
                    counts = [:]
                }
                counts[current(row[1]), default: 0] += row[2] as Int
            }
            if let day { scored.done[day] = counts }
            let excused = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT day, kind, action FROM excuse_totals
                WHERE day BETWEEN ? AND ? AND total > 0 ORDER BY day, kind, action
                """), arguments: range)
            while let row = try excused.next() {
                guard let day = days.day(row[0]) else { continue }
                if row[1] as String == Event.Kind.skip.rawValue {
                    scored.skipped[day, default: []].insert(current(row[2]))
                } else {
                    scored.daysOff.insert(day)
                }
            }
            // The columns the scoreboard reads, from the index that holds them (`events_scored`),
            // by position: no table row is visited, no sort is needed.
            let results = try Row.fetchCursor(db.cachedStatement(sql: Ledger.resultRowsSQL),
                                              arguments: [from.description, last.description])
            while let row = try results.next() {
                guard let day = days.day(row[1]) else {
                    throw EventRecord.Unreadable(detail: "event \(row[0] as Int64) has an invalid day")
                }
                scored.results.append(Event(id: row[0], kind: .result, at: Self.midnight(day), day: day,
                                            resultKind: row[2], value: row[3]))
            }
            return scored
        }
    }

    /// Parses a run of day texts, each new one once.
    private struct DayTexts {
        private var text = ""
        private var parsed: LocalDay?

        mutating func day(_ text: String) -> LocalDay? {
            if text != self.text {
                self.text = text
                parsed = LocalDay(iso: text)
            }
            return parsed
        }
    }

    private static func midnight(_ day: LocalDay) -> Date {
        Date(timeIntervalSince1970: Double(day.daysSinceEpoch * 86_400))
    }

    /// The result rows of a day range (two arguments), undone ones left out. Named index:
    /// without statistics SQLite would pick `events_kind_day` and visit the table; the `IN`
    /// repeats the index's condition, which SQLite needs to see to use it.
    static let resultRowsSQL = """
        SELECT id, day, result_kind, value FROM events INDEXED BY events_scored
        WHERE kind IN ('skip', 'day-off', 'result') AND kind = 'result' AND day BETWEEN ? AND ?
        AND id NOT IN (SELECT ref FROM events WHERE kind = 'undo' AND ref IS NOT NULL) ORDER BY day, id
        """

    /// The done totals the cache holds, and the same recounted from the events: equal unless
    /// the cache went wrong (the tests compare them).
    public func doneTotals() throws(LedgerError) -> (cached: [String: Int], recounted: [String: Int]) {
        try compare(cache: "SELECT day, action, total FROM done_totals", recount: LedgerSchema.doneTotalsRecount)
    }

    /// The skips and days off `excuse_totals` holds, and the same recounted from the events
    /// (keys "day kind action", the action empty for a day off).
    public func excuseTotals() throws(LedgerError) -> (cached: [String: Int], recounted: [String: Int]) {
        try compare(cache: "SELECT day, kind, action, total FROM excuse_totals", recount: LedgerSchema.excuseTotalsRecount)
    }

    /// Two selections of text columns then a total, keyed by the text columns joined by spaces;
    /// rows of total 0 left out.
    private func compare(cache: String, recount: String) throws(LedgerError)
        -> (cached: [String: Int], recounted: [String: Int])
    {
        try read { db in
            func totals(_ sql: String) throws -> [String: Int] {
                var out: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: sql) {
                    let total: Int = row[row.count - 1]
                    let key = (0..<row.count - 1).map { row[$0] as String }.joined(separator: " ")
                    if total != 0 { out[key] = total }
                }
                return out
            }
            return (try totals(cache), try totals(recount))
        }
    }

    private func fetch(_ sql: String, _ arguments: StatementArguments) throws(LedgerError) -> [Event] {
        try read { db in try Self.events(db, sql, arguments) }
    }

    /// The events a `SELECT *` from `events` returns, in its order.
    static func events(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws -> [Event] {
        var events: [Event] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try rows.next() {
            events.append(try EventRecord.event(row))
        }
        return events
    }
}
