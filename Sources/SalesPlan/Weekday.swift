/// A day of the week, ISO numbering (Monday = 1 … Sunday = 7).
public enum Weekday: Int, CaseIterable, Hashable, Comparable, Sendable, CustomStringConvertible {
    case mon = 1, tue, wed, thu, fri, sat, sun

    /// Parses `mon` … `sun` (also full English names, any case).
    public init?(name: String) {
        let lower = name.lowercased()
        guard let match = Weekday.allCases.first(where: { lower == $0.description || lower == $0.fullName.lowercased() })
        else { return nil }
        self = match
    }

    public var description: String { ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue - 1] }
    public var fullName: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue - 1]
    }
    public var isWeekend: Bool { self == .sat || self == .sun }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
