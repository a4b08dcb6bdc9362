import Foundation
import SalesLedger
import SalesPlan
import SalesScore

/// The plan versions the ledger records, each parsed once: plan events are append-only, so a
/// later call reads and parses only the plan events recorded since the one before.
///
/// Used on the daemon's queue only (it belongs to the ``DaemonDriver``).
struct PlanVersionCache {
    private var versions: [PlanVersion] = []
    private var lastID: Int64 = 0

    /// Every version the ledger records, oldest first, as `PlanVersion.fromLedger` reads them.
    mutating func versions(in ledger: Ledger) throws(LedgerError) -> [PlanVersion] {
        let recorded = try ledger.plans(after: lastID)
        if let last = recorded.last?.id { lastID = last }
        versions += PlanVersion.fromLedger(recorded) { try? Plan.parse(Data($0.utf8)) }
        return versions
    }
}
