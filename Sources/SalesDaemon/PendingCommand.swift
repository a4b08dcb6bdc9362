import SalesContract
import SalesEngine
import SalesPlan

/// A command waiting for its turn to be recorded: commands are judged and written one at a
/// time, so each is checked against the ledger as every earlier one left it.
///
/// `@unchecked Sendable`: it is made, kept and completed only on the daemon's queue; the ledger
/// queue only carries it back there inside a result handler, without touching it.
struct PendingCommand: @unchecked Sendable {
    var command: Command
    /// Who asked: `ctl` or `notification`.
    var source: String
    /// The client's request key, so a retry is answered from the ledger.
    var request: String?
    /// True once nobody waits for the answer any more (the client hung up): it is not started.
    var isAbandoned: () -> Bool = { false }
    /// Receives the recorded event and the outcome, or why nothing was recorded.
    var completion: (Result<(event: Event, outcome: Outcome), any Error>) -> Void
}
