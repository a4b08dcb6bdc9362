import Foundation
import SalesPlan
import SalesSchedule

/// A reminder's identity for ever: (action, local day, slot).
struct SimulationKey: Hashable, Comparable, CustomStringConvertible {
    var action: String
    var day: LocalDay
    var slot: String

    init(action: String, day: LocalDay, slot: String) {
        self.action = action
        self.day = day
        self.slot = slot
    }

    init(_ event: Event) { self.init(action: event.action ?? "", day: event.day, slot: event.slot ?? "") }

    init(_ occurrence: Occurrence) { self.init(action: occurrence.action, day: occurrence.day, slot: occurrence.slot) }

    var description: String { "\(action) \(day) \(slot)" }

    static func < (lhs: SimulationKey, rhs: SimulationKey) -> Bool {
        (lhs.day, lhs.slot, lhs.action) < (rhs.day, rhs.slot, rhs.action)
    }
}
