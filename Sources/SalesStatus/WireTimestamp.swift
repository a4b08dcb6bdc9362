#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads the daemon's timestamps (`2026-11-27T09:30:00+01:00`, `…Z`, an optional `.fff`) by
/// integer arithmetic, for salesctl.
///
/// salesd reads them with SalesPlan's `Timestamp.parse`, which salesctl cannot link (SalesPlan
/// brings all of Foundation); FoundationEssentials' ISO 8601 style builds a calendar and reads the
/// system's zone first, a fifth of salesctl's whole run.
public enum WireTimestamp {
    /// The instant `text` names; nil unless it is `YYYY-MM-DDTHH:MM:SS[.f…](Z|±HH:MM)`.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count else { return nil }
            return b[range].reduce(into: Optional(0)) { value, byte in
                value = (48...57).contains(byte) ? value.map { $0 * 10 + Int(byte - 48) } : nil
            }
        }
        func byte(_ i: Int, is c: Character) -> Bool { i < b.count && b[i] == c.asciiValue }
        guard let year = number(0..<4), byte(4, is: "-"), let month = number(5..<7), byte(7, is: "-"),
              let day = number(8..<10), byte(10, is: "T"), let hour = number(11..<13), byte(13, is: ":"),
              let minute = number(14..<16), byte(16, is: ":"), let second = number(17..<19),
              (1...12).contains(month), (1...daysIn(month, of: year)).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var i = 19
        var fraction = 0.0
        if byte(i, is: ".") {
            var scale = 0.1
            i += 1
            let start = i
            while i < b.count, (48...57).contains(b[i]) {
                fraction += scale * Double(b[i] - 48)
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        var offset = 0
        if byte(i, is: "Z"), i + 1 == b.count {
            offset = 0
        } else if byte(i, is: "+") || byte(i, is: "-"), i + 6 == b.count, let h = number(i + 1..<i + 3),
                  byte(i + 3, is: ":"), let m = number(i + 4..<i + 6), h < 24, m < 60 {
            offset = (h * 3600 + m * 60) * (byte(i, is: "-") ? -1 : 1)
        } else {
            return nil
        }
        let seconds = daysSinceEpoch(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Days from 1970-01-01 to a day of the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
