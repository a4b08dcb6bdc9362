/// How long a person may wait at a step before the next contact: `ideal` and `max`, in local
/// calendar days (`"3d"`), counted from the day of the last touch.
///
/// A person is *due* once `ideal` days have passed since the day of the last touch, and
/// *overdue* once more than `max` days have: with `{"ideal": "3d", "max": "7d"}`, touched on a
/// Monday, due from Thursday, overdue from the Tuesday after. Days are calendar days in the
/// plan's zone, so the state changes at local midnight, on DST days too.
public struct FollowUp: Hashable, Sendable {
    public var ideal: Int
    public var max: Int

    public init(ideal: Int, max: Int) {
        self.ideal = ideal
        self.max = max
    }

    /// The longest wait a config may give, in days (ten years).
    public static let longestDays = 3650

    /// Parses `3d` (a whole number of days from 0 to ``longestDays``, then `d`).
    public static func days(_ text: String) -> Int? {
        guard text.hasSuffix("d"), text.count >= 2, text.count <= 6 else { return nil }
        let digits = text.dropLast()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits), n <= longestDays else { return nil }
        return n
    }

    /// Where a person stands `daysSince` calendar days after their last touch.
    public func state(daysSince: Int) -> FollowUpState {
        if daysSince > max { return .overdue }
        if daysSince >= ideal { return .due }
        return .ok
    }

    /// Where a person touched on `lastTouch` stands on `today` (both local days in the plan's zone).
    public func state(lastTouch: LocalDay, today: LocalDay) -> FollowUpState {
        state(daysSince: today.daysSinceEpoch - lastTouch.daysSinceEpoch)
    }
}

/// A person's standing against their step's ``FollowUp``.
public enum FollowUpState: String, Hashable, Sendable, CaseIterable, Comparable {
    case ok
    case due
    case overdue

    private var rank: Int {
        switch self {
        case .ok: 0
        case .due: 1
        case .overdue: 2
        }
    }

    public static func < (lhs: FollowUpState, rhs: FollowUpState) -> Bool { lhs.rank < rhs.rank }
}
