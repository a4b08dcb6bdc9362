import Foundation
import SalesPlan

extension ZoneCalendar {
    /// `2027-03-28T02:00:00+01:00`: the wall clock of `instant` in this zone and the UTC offset in
    /// force then, from the zone's own rules (see ``Timestamp/local(_:in:)``).
    ///
    /// Foundation's `ISO8601DateFormatter` printed some zones' offsets wrong (`EET` always +03:00);
    /// this writes the offset the schedule itself uses.
    public func iso8601(_ instant: Date) -> String { Timestamp.local(instant, in: timeZone) }

    /// `+01:00`, as `iso8601` writes it (`+00:00` for none).
    public func offsetText(at instant: Date) -> String {
        let offset = offset(at: instant)
        return offset == 0 ? "+00:00" : Timestamp.offsetText(offset)
    }
}
