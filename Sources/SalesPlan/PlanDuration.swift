/// A length of time written `90s`, `15m`, `1h30m` (units h, m, s in that order).
public struct PlanDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    /// The longest duration a plan or a command may give (a snooze, a repeat, the grace window).
    public static let longest = PlanDuration(seconds: 24 * 3600)

    /// Parses `1h30m`, `15m`, `90s`, `2h`; at least one unit, each at most once, in h-m-s order.
    public init?(_ text: String) {
        var total = 0
        var digits = ""
        var lastUnit = -1
        var sawUnit = false
        for ch in text {
            if ch.isASCII, ch.isNumber {
                digits.append(ch)
                guard digits.count <= 9 else { return nil }
                continue
            }
            let units: [Character: (order: Int, scale: Int)] = ["h": (0, 3600), "m": (1, 60), "s": (2, 1)]
            guard let unit = units[ch], !digits.isEmpty, unit.order > lastUnit, let n = Int(digits) else { return nil }
            total += n * unit.scale
            lastUnit = unit.order
            digits = ""
            sawUnit = true
        }
        guard sawUnit, digits.isEmpty, total > 0 else { return nil }
        seconds = total
    }

    public var timeInterval: Double { Double(seconds) }

    public var description: String {
        var out = ""
        let h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60
        if h > 0 { out += "\(h)h" }
        if m > 0 { out += "\(m)m" }
        if s > 0 || out.isEmpty { out += "\(s)s" }
        return out
    }

    public static func < (lhs: PlanDuration, rhs: PlanDuration) -> Bool { lhs.seconds < rhs.seconds }
}
