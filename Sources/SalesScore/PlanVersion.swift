import SalesContract
import SalesPlan

/// A plan and the local day from which it is in force.
///
/// A plan loaded mid-day applies to that whole day; past days keep the targets of the plan
/// that was in force then.
public struct PlanVersion: Hashable, Sendable {
    public var effectiveFrom: LocalDay
    public var plan: Plan

    public init(effectiveFrom: LocalDay, plan: Plan) {
        self.effectiveFrom = effectiveFrom
        self.plan = plan
    }

    /// The versions recorded by the ledger's `plan` events, in ledger order.
    ///
    /// - Parameters:
    ///   - events: the ledger; only `plan` events with a payload are read.
    ///   - parse: turns a payload (the plan's canonical JSON) into a plan; payloads it rejects are left out.
    public static func fromLedger(_ events: [Event], parse: (String) -> Plan?) -> [PlanVersion] {
        events.compactMap { event in
            guard event.kind == .plan, let payload = event.payload, let plan = parse(payload) else { return nil }
            return PlanVersion(effectiveFrom: event.day, plan: plan)
        }
    }
}
