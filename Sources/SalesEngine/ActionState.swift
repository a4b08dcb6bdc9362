import Foundation
import SalesContract
import SalesPlan

/// One planned action and how far it got on a day.
public struct ActionState: Hashable, Sendable {
    /// How the action stands: the same states the wire reports.
    public typealias State = ActionProgress.State

    public var action: PlanAction
    public var step: Step
    public var done: Int
    public var state: State
    /// The next reminder of this action still to come that day.
    public var next: Date?

    /// The target in force that day (a dated target may have changed it).
    public var target: Int
}
