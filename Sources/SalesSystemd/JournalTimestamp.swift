import Foundation
import SalesPlan

/// Formats instants as ISO 8601 UTC with milliseconds (`2026-11-27T09:30:00.000Z`).
///
/// Pure integer maths so the output never depends on a formatter's locale or zone.
enum JournalTimestamp {
    static func utc(_ date: Date) -> String {
        let ms = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let (days, msOfDay) = floorDivision(ms, 86_400_000)
        let day = LocalDay(daysSinceEpoch: days)
        let seconds = msOfDay / 1000
        return "\(day)T\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))."
            + "\(pad(msOfDay % 1000, width: 3))Z"
    }

    /// `2026-11-27 09:30:00` in `zone`.
    static func local(_ date: Date, in zone: TimeZone) -> String {
        let shifted = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        let (days, seconds) = floorDivision(shifted, 86_400)
        let day = LocalDay(daysSinceEpoch: days)
        return "\(day) \(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
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
