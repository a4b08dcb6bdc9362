import Foundation
import SalesPlan

/// Remembers each day's occurrences: resolving local times through the zone database is the
/// costly part of scheduling, and the daemon asks about the same few days over and over.
///
/// `@unchecked Sendable`: `days` is only touched while holding `lock`.
final class OccurrenceCache: @unchecked Sendable {
    private let lock = NSLock()
    private var days: [LocalDay: [Occurrence]] = [:]
    /// Enough for a few weeks around today; the cache is emptied when it grows past it.
    private let limit = 64

    func occurrences(on day: LocalDay, compute: (LocalDay) -> [Occurrence]) -> [Occurrence] {
        lock.lock()
        if let cached = days[day] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let computed = compute(day)
        lock.lock()
        if days.count >= limit { days.removeAll(keepingCapacity: true) }
        days[day] = computed
        lock.unlock()
        return computed
    }
}
