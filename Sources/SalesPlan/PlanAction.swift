/// A lead-measure action: something to do a number of times on given days, with reminders.
public struct PlanAction: Hashable, Sendable {
    public var id: String
    public var step: String
    public var title: String
    public var target: Int = 1
    public var days: [DaySpec] = [.daily]
    /// Reminder times; empty means the action is planned but never reminded.
    public var at: [LocalTime] = []
    /// Re-remind every `repeat` after each `at` until done or until `until`.
    public var `repeat`: PlanDuration?
    /// Last time of day a re-reminder may fire (default: end of day).
    public var until: LocalTime?
    /// Ids this action had before a rename: their history counts as this action's.
    public var formerly: [String] = []
    /// Skips of this action per calendar month that are excused; beyond it a skip counts as a
    /// miss. nil: the plan's `skipBudget` applies.
    public var skipBudget: Int?
    /// Targets in force from their days on, oldest first (`"targets": [{"from", "target"}]`);
    /// before the first of them, `target`.
    public var targets: [DatedTarget] = []

    public init(
        id: String, step: String, title: String, target: Int = 1, days: [DaySpec] = [.daily],
        at: [LocalTime] = [], repeat: PlanDuration? = nil, until: LocalTime? = nil
    ) {
        self.id = id
        self.step = step
        self.title = title
        self.target = target
        self.days = days
        self.at = at
        self.repeat = `repeat`
        self.until = until
    }

    public func isPlanned(on day: LocalDay) -> Bool { days.contains { $0.matches(day) } }

    /// The target in force on `day`: the latest dated target from on or before it, else `target`.
    public func target(on day: LocalDay) -> Int { targets.last { $0.from <= day }?.target ?? target }
}
