/// A day of the week, ISO numbering (Monday = 1 … Sunday = 7).
public enum Weekday: Int, CaseIterable, Hashable, Comparable, Sendable, CustomStringConvertible {
    case mon = 1, tue, wed, thu, fri, sat, sun

    /// Parses `mon` … `sun` (also full English names, any case).
    public init?(name: String) {
        self.init(lowercasedName: name.lowercased())
    }

    /// ``init(name:)`` for a name already in lower case.
    init?(lowercasedName lower: String) {
        guard let index = Weekday.names.firstIndex(of: lower) ?? Weekday.lowercasedFullNames.firstIndex(of: lower)
        else { return nil }
        self.init(rawValue: index + 1)
    }

    // Once, not per call: a plan of thousands of actions parses a day name for each.
    private static let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let fullNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let lowercasedFullNames = fullNames.map { $0.lowercased() }

    public var description: String { Weekday.names[rawValue - 1] }
    public var fullName: String { Weekday.fullNames[rawValue - 1] }
    public var isWeekend: Bool { self == .sat || self == .sun }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
