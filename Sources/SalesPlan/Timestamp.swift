import Foundation

/// salesd's one writer of ISO 8601 timestamps, by integer arithmetic: exports hold millions of
/// instants, and corelibs Foundation builds an ICU formatter per call. SalesContract's
/// `WireTimestamp` reads them.
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
