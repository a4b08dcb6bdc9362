/// One day of the plan: off or not, and the actions it asks for, in time order.
public struct PlanDay: Codable, Sendable, Equatable {
    /// `YYYY-MM-DD`.
    public var day: String
    public var off: Bool
    /// What made it off: `config` (the plan's daysOff) or `ctl` (`salesd ctl off`).
    public var offBy: String?
    /// The reason given to `salesd ctl off`, if any.
    public var offReason: String?
    public var actions: [PlannedAction]

    public init(day: String, off: Bool, offBy: String? = nil, offReason: String? = nil, actions: [PlannedAction]) {
        self.day = day
        self.off = off
        self.offBy = offBy
        self.offReason = offReason
        self.actions = actions
    }
}
