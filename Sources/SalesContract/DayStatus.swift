/// How a day stands against the plan, as the streak sees it.
public enum DayStatus: String, Codable, Equatable, Sendable {
    /// Every due action reached its target (extends the streak).
    case met
    /// A past day with a due action short of its target (breaks the streak).
    case missed
    /// Today, not met yet (neither breaks nor extends).
    case open
    /// Planned actions, all skipped (neither breaks nor extends).
    case excused
    /// A day off, from the config or a day-off event (neither breaks nor extends).
    case off
    /// Nothing planned (neither breaks nor extends).
    case free
    /// After today.
    case upcoming
}
