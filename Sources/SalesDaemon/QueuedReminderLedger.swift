import SalesEngine
import SalesLedger
import SalesPlan

/// The engine's reminder ledger port on the real ledger: records through the ``LedgerWriter``,
/// so the write waits on the ledger's queue, and answers on the daemon's.
struct QueuedReminderLedger: ReminderLedger {
    let writer: LedgerWriter

    func recordReminders(_ events: [Event], then done: @escaping (Result<[Bool], any Error>) -> Void) {
        let handler = DaemonQueueOnly(done)
        writer.run({ ledger in try ledger.recordReminders(events).map { $0 != nil } }) { result in handler.value(result) }
    }
}

/// Carries a value that is made and used only on the daemon's queue through a `@Sendable`
/// closure of the ledger queue, which hands it back untouched.
///
/// `@unchecked Sendable`: the daemon's queue is the only one that reads `value`.
struct DaemonQueueOnly<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
