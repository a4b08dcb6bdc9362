import Foundation

/// A person in the pipeline as their events leave them.
public struct Person: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable { case active, won, lost }

    public var id: Int64
    /// Nil once forgotten.
    public var name: String?
    public var company: String?
    public var note: String?
    public var next: String?
    public var due: String?
    public var step: String
    public var status: Status
    public var lastTouch: Date
    public var lastTouchDay: LocalDay
    public var added: Date
    public var forgotten: Bool

    /// `Dana Kim`, or `#12` once forgotten.
    public var label: String { name ?? "#\(id)" }

    /// Calendar days from the last touch to `today`.
    public func daysSinceTouch(today: LocalDay) -> Int { today.daysSinceEpoch - lastTouchDay.daysSinceEpoch }

    /// ok, due or overdue by the follow-up of the step the person is at (ok when it has none
    /// or the person is no longer in the pipeline).
    public func state(in plan: Plan, today: LocalDay) -> FollowUpState {
        guard status == .active, let followUp = plan.step(id: step)?.followUp else { return .ok }
        return followUp.state(daysSince: daysSinceTouch(today: today))
    }
}
