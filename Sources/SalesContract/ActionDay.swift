/// One action on one day: what the plan asked, what was done, and whether it was excused.
public struct ActionDay: Codable, Equatable, Sendable {
    public var action: String
    public var step: String
    /// The target of the plan in force that day; 0 when not planned that day or the day is off.
    public var target: Int
    /// Sum of the day's done counts that were not undone.
    public var done: Int
    /// Skipped, or the day is off.
    public var excused: Bool
    /// Done reaches the target, or the action is excused, or nothing was asked.
    public var met: Bool

    public init(action: String, step: String, target: Int, done: Int, excused: Bool) {
        self.action = action
        self.step = step
        self.target = target
        self.done = done
        self.excused = excused
        self.met = done >= target || excused || target == 0
    }

    /// What still counts against the week: an excused action asks nothing.
    public var due: Int { excused ? 0 : target }

    /// Done, capped at what was due (so one busy day cannot hide an idle one).
    public var creditedDone: Int { min(done, due) }
}
