import Foundation
import SalesPlan
import SalesSchedule

func zone(_ id: String) -> ZoneCalendar { ZoneCalendar(timeZone: TimeZone(identifier: id)!) }
func day(_ iso: String) -> LocalDay { LocalDay(iso: iso)! }
func time(_ text: String) -> LocalTime { LocalTime(text)! }

/// Parses `2027-03-28T01:00:00Z` style instants.
func utc(_ text: String) -> Date {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.date(from: text)!
}
