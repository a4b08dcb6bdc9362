import GRDB
import SalesPlan

extension Ledger {
    /// How many done, skip and snooze events the ledger holds per action id (undone ones too):
    /// what `check-config` compares with the plan's ids to notice an action renamed without
    /// `formerly`.
    public func personEventCounts() throws(LedgerError) -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT action, COUNT(*) FROM events
                WHERE kind IN ('done', 'skip', 'snooze') AND action IS NOT NULL GROUP BY action
                """)
            while let row = try rows.next() {
                let action: String = row[0]
                counts[action] = row[1]
            }
            return counts
        }
    }
}
