#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// "in 25 min", "2 h 5 min ago": how far `date` is from `now`, to the minute.
public enum RelativeTime {
    public static func describe(_ date: Date, from now: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        let minutes = Int((abs(seconds) / 60).rounded())
        if minutes == 0 { return "now" }
        let amount = span(minutes: minutes)
        return seconds > 0 ? "in " + amount : amount + " ago"
    }

    /// `25 min`, `1 h`, `1 h 5 min`, `3 days`.
    public static func span(minutes: Int) -> String {
        if minutes < 60 { return "\(minutes) min" }
        if minutes < 48 * 60 {
            let h = minutes / 60, m = minutes % 60
            return m == 0 ? "\(h) h" : "\(h) h \(m) min"
        }
        return "\(Int((Double(minutes) / 1440).rounded())) days"
    }
}
