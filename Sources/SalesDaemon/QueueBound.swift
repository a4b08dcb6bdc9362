/// A value made and used only on the daemon's queue, carried through the ledger queue's
/// `@Sendable` handlers without being touched there.
///
/// `@unchecked Sendable`: the ledger queue only hands it back to the daemon's queue (see
/// `LedgerWriter.run`); only the daemon's queue reads ``value``.
struct QueueBound<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
