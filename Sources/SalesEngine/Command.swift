import Foundation
import SalesPlan

/// A change to the ledger a person asks for (from `salesd ctl` or a notification button).
public enum Command: Hashable, Sendable {
    case done(action: String, count: Int, note: String?, day: String?)
    /// Takes back the latest done, skip, snooze, day off or result (of `action`, on `day`).
    case undo(action: String?, day: String? = nil)
    case snooze(action: String, duration: PlanDuration?)
    case skip(action: String, reason: String?)
    case dayOff(day: String?, reason: String?)
    /// Every day from `from` through `through` off (a vacation), recorded together.
    case daysOff(from: String?, through: String, reason: String?)
    case result(kind: String, value: Double?, note: String?)
}
