/// Which days an action is planned on: a weekday, a group of days, or one ISO date.
public enum DaySpec: Hashable, Sendable, CustomStringConvertible {
    case weekday(Weekday)
    case weekdays
    case weekends
    case daily
    case date(LocalDay)

    /// Parses `mon`…`sun`, `weekdays`, `weekends`, `daily` or `YYYY-MM-DD`.
    public init?(_ text: String) {
        let lower = text.lowercased()
        switch lower {
        case "weekdays": self = .weekdays
        case "weekends": self = .weekends
        case "daily": self = .daily
        default:
            if let day = Weekday(lowercasedName: lower) { self = .weekday(day) }
            else if let date = LocalDay(iso: text) { self = .date(date) }
            else { return nil }
        }
    }

    public func matches(_ day: LocalDay) -> Bool {
        switch self {
        case .weekday(let w): return day.weekday == w
        case .weekdays: return !day.weekday.isWeekend
        case .weekends: return day.weekday.isWeekend
        case .daily: return true
        case .date(let d): return d == day
        }
    }

    public var description: String {
        switch self {
        case .weekday(let w): return w.description
        case .weekdays: return "weekdays"
        case .weekends: return "weekends"
        case .daily: return "daily"
        case .date(let d): return d.description
        }
    }
}
