import Dispatch
import SalesLedger

/// Runs the ledger's writes on a queue of their own, one at a time and in order, and hands
/// each result back on the daemon's queue.
///
/// A write may wait: for a lock another process holds (SQLite's busy wait), or for a slow disk
/// to finish `fsync`. Waiting here instead of on the daemon's queue keeps `status`, `today` and
/// `next` answering meanwhile.
final class LedgerWriter: Sendable {
    let ledger: Ledger
    private let home: DispatchQueue
    private let writes = DispatchQueue(label: "salesd.ledger")

    /// - Parameter home: the daemon's queue, where every result is delivered.
    init(ledger: Ledger, home: DispatchQueue) {
        self.ledger = ledger
        self.home = home
    }

    /// Runs `work` after every write submitted before it, then `done` with its result on the
    /// daemon's queue.
    func run<T: Sendable>(
        _ work: @escaping @Sendable (Ledger) throws -> T,
        then done: @escaping @Sendable (Result<T, any Error>) -> Void
    ) {
        let ledger = ledger
        let home = home
        writes.async {
            let result = Result { try work(ledger) }
            home.async { done(result) }
        }
    }

    /// Waits until every write submitted so far is done (on stop, before the checkpoint).
    func drain() {
        writes.sync {}
    }
}
