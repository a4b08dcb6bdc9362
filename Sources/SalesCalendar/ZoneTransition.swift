import Foundation

/// A change of a zone's UTC offset (or of its daylight-saving flag), found from the zone's own rules.
public struct ZoneTransition: Hashable, Sendable {
    /// The first instant with the new offset.
    public var instant: Date
    public var offsetBefore: Int
    public var offsetAfter: Int
    public var isDaylightAfter: Bool

    /// Every transition of `zone` with `from < instant <= to`, in order.
    ///
    /// Walks the range in 6-hour steps and bisects each step whose offset or DST flag differs;
    /// a zone changes its offset far less often than every 6 hours, so none is missed.
    public static func all(in zone: TimeZone, from: Date, to: Date) -> [ZoneTransition] {
        func state(_ seconds: Int) -> (Int, Bool) {
            let date = Date(timeIntervalSince1970: Double(seconds))
            return (zone.secondsFromGMT(for: date), zone.isDaylightSavingTime(for: date))
        }
        let step = 6 * 3600
        var out: [ZoneTransition] = []
        var low = Int(from.timeIntervalSince1970.rounded(.down))
        let end = Int(to.timeIntervalSince1970.rounded(.up))
        var lowState = state(low)
        while low < end {
            let high = min(low + step, end)
            let highState = state(high)
            if highState != lowState {
                var lo = low, hi = high
                while hi - lo > 1 {
                    let mid = lo + (hi - lo) / 2
                    if state(mid) == lowState { lo = mid } else { hi = mid }
                }
                let after = state(hi)
                out.append(ZoneTransition(
                    instant: Date(timeIntervalSince1970: Double(hi)), offsetBefore: lowState.0,
                    offsetAfter: after.0, isDaylightAfter: after.1))
                low = hi
                lowState = after
                continue
            }
            low = high
            lowState = highState
        }
        return out
    }
}
