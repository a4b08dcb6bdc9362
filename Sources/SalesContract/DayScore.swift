/// One local day: each action's target and done, and the day's standing.
public struct DayScore: Codable, Equatable, Sendable {
    /// `YYYY-MM-DD`.
    public var day: String
    public var status: DayStatus
    /// Actions planned that day or done that day, in plan order (unplanned extras last).
    public var actions: [ActionDay]

    public init(day: String, status: DayStatus, actions: [ActionDay]) {
        (self.day, self.status, self.actions) = (day, status, actions)
    }
}
