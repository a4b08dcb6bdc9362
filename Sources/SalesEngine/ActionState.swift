import Foundation
import SalesPlan

/// One planned action and how far it got on a day.
public struct ActionState: Hashable, Sendable {
    public enum State: String, Hashable, Sendable {
        case open, done, skipped, off
    }

    public var action: PlanAction
    public var step: Step
    public var done: Int
    public var state: State
    /// The next reminder of this action still to come that day.
    public var next: Date?

    /// The target in force that day (a dated target may have changed it).
    public var target: Int
}
