import SalesContract
import SalesPlan

/// Which plan was in force on a given day.
struct PlanHistory {
    /// Sorted by effective day; among versions of the same day the later one wins.
    let versions: [PlanVersion]

    init(_ versions: [PlanVersion]) {
        self.versions = versions.enumerated()
            .sorted { ($0.element.effectiveFrom, $0.offset) < ($1.element.effectiveFrom, $1.offset) }
            .map(\.element)
    }

    /// The first day any plan was in force.
    var firstDay: LocalDay? { versions.first?.effectiveFrom }

    func plan(on day: LocalDay) -> Plan? { versions.last { $0.effectiveFrom <= day }?.plan }

    /// The step an action belongs to: per the plan in force that day, else the latest plan that knows it.
    func step(ofAction id: String, on day: LocalDay) -> String? {
        if let step = plan(on: day)?.action(id: id)?.step { return step }
        return versions.reversed().lazy.compactMap { $0.plan.action(id: id)?.step }.first
    }

    /// The display name of a step, from the latest plan that knows it.
    func stepName(_ id: String) -> String {
        versions.reversed().lazy.compactMap { $0.plan.step(id: id)?.name }.first ?? id
    }
}
