import Foundation
import GRDB
import SalesPlan

extension Ledger {
    /// The commitment and commitment-kept events of the weeks starting `from` … `through`.
    public func commitments(from: LocalDay, through: LocalDay) throws(LedgerError) -> [Event] {
        try readPrepared { db in
            let commitments = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM events WHERE kind = 'commitment' AND day BETWEEN ? AND ? ORDER BY id
                """), arguments: [from.description, through.description]).map(EventRecord.event)
            let ids = commitments.compactMap(\.id)
            guard !ids.isEmpty else { return commitments }
            let answers = try Row.fetchAll(db, sql: """
                SELECT * FROM events WHERE kind = 'commitment-kept' AND ref IN (\(ids.map(String.init).joined(separator: ",")))
                ORDER BY id
                """).map(EventRecord.event)
            return commitments + answers
        }
    }

    /// Records a weekly session in one transaction: `answers` (commitment-kept events, each
    /// naming a commitment by `ref`) and the new `commitments`. A commitment answered before
    /// stays answered: such an answer is left out, and reported in `alreadyAnswered`. A request
    /// key seen before records nothing again.
    public func recordWeek(commitments: [Event], answers: [Event], request: String?)
        throws(LedgerError) -> (events: [Event], alreadyAnswered: [Int64], recorded: Bool)
    {
        try write { db in
            if let request, try Int64.fetchOne(db, sql: "SELECT event FROM requests WHERE id = ?", arguments: [request]) != nil {
                return ([], [], false)
            }
            var stored: [Event] = []
            var already: [Int64] = []
            for answer in answers {
                guard let ref = answer.ref else { continue }
                let answered = try Int64.fetchOne(db, sql: """
                    SELECT id FROM events WHERE kind = 'commitment-kept' AND ref = ?
                    """, arguments: [ref]) != nil
                if answered { already.append(ref) } else { stored.append(try EventRecord.insert(answer, db)) }
            }
            for commitment in commitments { stored.append(try EventRecord.insert(commitment, db)) }
            if let request, let first = stored.first?.id {
                try db.execute(sql: "INSERT INTO requests (id, event) VALUES (?, ?)", arguments: [request, first])
            }
            return (stored, already, !stored.isEmpty)
        }
    }
}
