import Foundation
import SalesPlan

extension ZoneCalendar {
    /// `2027-03-28T02:00:00+01:00`: the wall clock of `instant` in this zone and the UTC offset in
    /// force then (`Z` for none), from the zone's own rules.
    ///
    /// Foundation's `ISO8601DateFormatter` printed some zones' offsets wrong (`EET` always +03:00),
    /// so the offset comes from ``offset(at:)``, the same rule the schedule uses. An offset with
    /// seconds (local mean time, before about 1900) is written `+HH:MM:SS`.
    public func iso8601(_ instant: Date) -> String {
        let seconds = offset(at: instant)
        let day = self.day(of: instant), time = self.time(of: instant)
        var text = "\(day)T\(pad(time.hour)):\(pad(time.minute)):\(pad(time.second))"
        guard seconds != 0 else { return text + "Z" }
        let magnitude = abs(seconds)
        text += (seconds < 0 ? "-" : "+") + pad(magnitude / 3600) + ":" + pad(magnitude % 3600 / 60)
        if magnitude % 60 != 0 { text += ":" + pad(magnitude % 60) }
        return text
    }

    /// `+01:00`, as `iso8601` writes it (`+00:00` for none).
    public func offsetText(at instant: Date) -> String {
        let text = iso8601(instant)
        return text.hasSuffix("Z") ? "+00:00" : String(text.dropFirst(19))
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
