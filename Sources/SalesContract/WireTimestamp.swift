#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// salesd's one reader of timestamps — the daemon's replies, exports, imported lists — by
/// integer arithmetic: exports hold millions of instants, and FoundationEssentials' ISO 8601
/// style builds a calendar and reads the system's zone first. It needs only
/// FoundationEssentials, so salesctl links it too. (SalesPlan's `Timestamp` writes them.)
public enum WireTimestamp {
    /// Reads `YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM[:SS])`, as salesd writes them and as RFC 3339
    /// allows (a space or lower-case `t` for the `T`, `z` for `Z`); nil otherwise. Fractions are
    /// kept to the millisecond, so an instant read from the ledger is written back exactly.
    public static func parse(_ text: some StringProtocol) -> Date? {
        let b = Array(text.utf8)
        guard b.count >= 20 else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= b.count else { return nil }
            var value = 0
            for i in start..<(start + count) {
                let d = Int(b[i]) - 48
                guard (0...9).contains(d) else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let year = digits(0, 4), b[4] == UInt8(ascii: "-"), let month = digits(5, 2), b[7] == UInt8(ascii: "-"),
              let day = digits(8, 2), [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(b[10]),
              let hour = digits(11, 2), b[13] == UInt8(ascii: ":"), let minute = digits(14, 2),
              b[16] == UInt8(ascii: ":"), let second = digits(17, 2),
              (1...12).contains(month), (1...daysIn(month, of: year)).contains(day),
              hour < 24, minute < 60, second < 61
        else { return nil }
        var i = 19
        var millis = 0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var scale = 100
            let start = i
            while i < b.count, (48...57).contains(b[i]) {
                millis += scale * Int(b[i] - 48)
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        guard i < b.count else { return nil }
        var offset = 0
        switch b[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard i + 1 == b.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard i + 6 == b.count || i + 9 == b.count, let h = digits(i + 1, 2), b[i + 3] == UInt8(ascii: ":"),
                  let m = digits(i + 4, 2), h < 24, m < 60
            else { return nil }
            var s = 0
            if i + 9 == b.count {
                guard b[i + 6] == UInt8(ascii: ":"), let parsed = digits(i + 7, 2), parsed < 60 else { return nil }
                s = parsed
            }
            offset = (h * 3600 + m * 60 + s) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        let seconds = daysSinceEpoch(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds * 1000 + millis) / 1000)
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
