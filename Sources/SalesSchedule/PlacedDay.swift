import Foundation
import SalesPlan

/// A local day that has reminders, with what turns its wall times into instants: one offset
/// for an ordinary day, the zone's rules (``ZoneCalendar/resolve(_:on:)``) around a transition.
struct PlacedDay {
    let day: LocalDay
    private let calendar: ZoneCalendar
    private let uniform: Int?
    private let wall: Int

    /// Nil for a day off in the config, or a day the zone skips.
    init?(_ day: LocalDay, plan: Plan, calendar: ZoneCalendar) {
        guard !plan.isDayOff(day) else { return nil }
        uniform = calendar.uniformOffset(on: day)
        guard uniform != nil || calendar.exists(day) else { return nil }
        self.day = day
        self.calendar = calendar
        wall = day.daysSinceEpoch * 86_400
    }

    func resolve(_ seconds: Int) -> ResolvedInstant? {
        if let uniform {
            return ResolvedInstant(instant: Date(timeIntervalSince1970: Double(wall + seconds - uniform)),
                                   shifted: false, repeated: false)
        }
        return LocalTime(secondsSinceMidnight: seconds).flatMap { calendar.resolve($0, on: day) }
    }
}
