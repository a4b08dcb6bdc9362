import Foundation

/// salesd's one home for ISO 8601 timestamps, written and read by integer arithmetic: exports
/// hold millions of instants, and corelibs Foundation builds an ICU formatter per call.
public enum Timestamp {
    /// `2026-11-27T09:30:00.250Z`: UTC to the millisecond (the ledger's own precision, so an
    /// instant read from the ledger is written back exactly).
    public static func utcMilliseconds(_ date: Date) -> String {
        let ms = Int((date.timeIntervalSince1970 * 1000).rounded())
        let (days, msOfDay) = floorDivision(ms, 86_400_000)
        let seconds = msOfDay / 1000
        return "\(LocalDay(daysSinceEpoch: days))T\(clock(seconds)).\(pad(msOfDay % 1000, width: 3))Z"
    }

    /// `2026-11-27T09:30:00+01:00` (`Z` in UTC): whole seconds, with `zone`'s offset at that instant.
    public static func local(_ date: Date, in zone: TimeZone) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let offset = zone.secondsFromGMT(for: date)
        let (days, secondOfDay) = floorDivision(seconds + offset, 86_400)
        return "\(LocalDay(daysSinceEpoch: days))T\(clock(secondOfDay))\(offsetText(offset))"
    }

    /// `2026-11-27 09:30:00` in `zone`, for people.
    public static func localWall(_ date: Date, in zone: TimeZone) -> String {
        let shifted = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        let (days, seconds) = floorDivision(shifted, 86_400)
        return "\(LocalDay(daysSinceEpoch: days)) \(clock(seconds))"
    }

    /// `+01:00`, `-03:30`, or `Z` for zero; an offset with seconds (local mean time, before
    /// about 1900) is written `-00:44:30`.
    public static func offsetText(_ seconds: Int) -> String {
        guard seconds != 0 else { return "Z" }
        let magnitude = abs(seconds)
        let text = (seconds < 0 ? "-" : "+") + "\(pad(magnitude / 3600)):\(pad(magnitude % 3600 / 60))"
        return magnitude % 60 == 0 ? text : text + ":\(pad(magnitude % 60))"
    }

    /// Reads `YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM[:SS])`, as the writers above produce and as
    /// RFC 3339 allows (a space or lower-case `t` for the `T`, `z` for `Z`); nil otherwise.
    /// Fractions are kept to the millisecond.
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
              let dayOfMonth = digits(8, 2), [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(b[10]),
              let hour = digits(11, 2), b[13] == UInt8(ascii: ":"), let minute = digits(14, 2),
              b[16] == UInt8(ascii: ":"), let second = digits(17, 2),
              let day = LocalDay(year: year, month: month, day: dayOfMonth),
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
        let seconds = day.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds * 1000 + millis) / 1000)
    }

    private static func clock(_ secondOfDay: Int) -> String {
        "\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))"
    }

    private static func floorDivision(_ a: Int, _ b: Int) -> (Int, Int) {
        let r = ((a % b) + b) % b
        return ((a - r) / b, r)
    }

    private static func pad(_ n: Int, width: Int = 2) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
