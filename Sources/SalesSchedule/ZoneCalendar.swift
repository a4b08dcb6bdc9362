import Foundation
import SalesPlan

/// Maps local days and wall-clock times in one zone to instants and back, with salesd's DST rules.
///
/// - A local time that does not exist (spring forward) resolves to the first instant after the gap,
///   which is on the next day when the gap runs to midnight.
/// - A local time that occurs twice (fall back) resolves to its first occurrence.
/// - A day that does not exist at all (a zone skipping a calendar day) has no instants.
public struct ZoneCalendar: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// The local calendar day containing `instant`.
    public func day(of instant: Date) -> LocalDay {
        LocalDay(daysSinceEpoch: floorDiv(localSeconds(of: instant), 86_400))
    }

    /// The local wall-clock time of `instant`.
    public func time(of instant: Date) -> LocalTime {
        LocalTime(secondsSinceMidnight: floorMod(localSeconds(of: instant), 86_400))!
    }

    /// Seconds east of UTC at `instant`.
    public func offset(at instant: Date) -> Int {
        timeZone.secondsFromGMT(for: instant)
    }

    /// The instant at which the wall clock shows `time` on `day`, by the rules above.
    public func resolve(_ time: LocalTime, on day: LocalDay) -> ResolvedInstant? {
        let wall = day.daysSinceEpoch * 86_400 + time.secondsSinceMidnight
        // Offsets in force around that wall time; transitions are far more than 36 h apart.
        let offsets = Set([-129_600, 0, 129_600].map { offset(atUTC: wall + $0) })
        let valid = offsets.map { wall - $0 }.filter { offset(atUTC: $0) == wall - $0 }.sorted()
        if let first = valid.first {
            return ResolvedInstant(instant: date(first), shifted: false, repeated: valid.count > 1)
        }
        // In a gap: the first instant after it is the transition itself.
        let before = wall - offsets.max()!
        let after = wall - offsets.min()!
        let transition = firstInstantWithNewOffset(from: min(before, after), to: max(before, after))
        // A gap that runs to midnight (America/Nuuk, 23:00 → 00:00) ends on the next day: the
        // time still fires, then. A day the gap swallows whole (Pacific/Apia's 2011-12-30) has
        // no times at all.
        let dayStart = day.daysSinceEpoch * 86_400
        let gapStart = transition + offset(atUTC: transition - 1), gapEnd = transition + offset(atUTC: transition)
        guard gapStart > dayStart || gapEnd < dayStart + 86_400 else { return nil }
        return ResolvedInstant(instant: date(transition), shifted: true, repeated: false)
    }

    /// The UTC offset in force all through `day`, or nil when it changes around that day
    /// (then each time needs ``resolve(_:on:)``). Lets a day's times be placed without a zone
    /// lookup each.
    public func uniformOffset(on day: LocalDay) -> Int? {
        let wall = day.daysSinceEpoch * 86_400
        // The local day lies within 14 h of its wall-clock bounds on either side.
        let before = offset(atUTC: wall - 129_600)
        let middle = offset(atUTC: wall + 43_200)
        let after = offset(atUTC: wall + 86_400 + 129_600)
        return before == middle && middle == after ? middle : nil
    }

    /// The first instant of `day` (usually local midnight; later when midnight is in a gap).
    /// For a day that does not exist, the first instant of the next day that does.
    public func startOfDay(_ day: LocalDay) -> Date {
        var candidate = day
        for _ in 0..<3 {
            if let start = resolve(LocalTime(hour: 0, minute: 0)!, on: candidate) { return start.instant }
            candidate = candidate.adding(days: 1)
        }
        return date(day.daysSinceEpoch * 86_400 - offset(atUTC: day.daysSinceEpoch * 86_400))
    }

    /// Whether `day` exists in this zone (Pacific/Apia skipped 2011-12-30, for example).
    public func exists(_ day: LocalDay) -> Bool {
        startOfDay(day) < startOfDay(day.adding(days: 1)) && self.day(of: startOfDay(day)) == day
    }

    // MARK: - Integer-second arithmetic

    private func localSeconds(of instant: Date) -> Int {
        let utc = Int(instant.timeIntervalSince1970.rounded(.down))
        return utc + offset(atUTC: utc)
    }

    private func offset(atUTC seconds: Int) -> Int {
        timeZone.secondsFromGMT(for: date(seconds))
    }

    private func date(_ seconds: Int) -> Date { Date(timeIntervalSince1970: Double(seconds)) }

    /// Binary search for the first second whose offset differs from the offset at `low`.
    private func firstInstantWithNewOffset(from low: Int, to high: Int) -> Int {
        let initial = offset(atUTC: low)
        var lo = low, hi = high
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if offset(atUTC: mid) == initial { lo = mid } else { hi = mid }
        }
        return hi
    }
}

/// The instant a local time resolved to.
public struct ResolvedInstant: Hashable, Sendable {
    public var instant: Date
    /// The wall time fell in a spring-forward gap and was moved to the end of the gap.
    public var shifted: Bool
    /// The wall time occurs twice (fall back); `instant` is the first.
    public var repeated: Bool
}

func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
func floorMod(_ a: Int, _ b: Int) -> Int { a - floorDiv(a, b) * b }

extension ZoneCalendar {
    /// Local calendar days from the day of `start` to the day of `end`: 1 from 23:59 to 00:01
    /// the next morning, on a 23- or 25-hour DST day as on any other.
    public func calendarDays(from start: Date, to end: Date) -> Int {
        day(of: end).daysSinceEpoch - day(of: start).daysSinceEpoch
    }

    /// Where a person last touched at `lastTouch` stands at `now` against `followUp`.
    public func followUpState(_ followUp: FollowUp, lastTouch: Date, now: Date) -> FollowUpState {
        followUp.state(daysSince: calendarDays(from: lastTouch, to: now))
    }
}
