/// A length of time written `90s`, `15m`, `1h30m` (units h, m, s in that order).
public struct PlanDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    /// The longest duration a plan or a command may give (a snooze, a repeat, the grace window).
    public static let longest = PlanDuration(seconds: 24 * 3600)

    /// Parses `1h30m`, `15m`, `90s`, `2h`; at least one unit, each at most once, in h-m-s order.
    public init?(_ text: String) {
        // Read as bytes: a valid duration is all ASCII digits and unit letters, and any other
        // byte (of any character) makes it invalid either way.
        var total = 0
        var number = 0
        var digits = 0
        var lastUnit = -1
        var sawUnit = false
        for byte in text.utf8 {
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                guard digits <= 9 else { return nil }
                continue
            }
            let unit: (order: Int, scale: Int)
            switch byte {
            case UInt8(ascii: "h"): unit = (0, 3600)
            case UInt8(ascii: "m"): unit = (1, 60)
            case UInt8(ascii: "s"): unit = (2, 1)
            default: return nil
            }
            guard digits > 0, unit.order > lastUnit else { return nil }
            total += number * unit.scale
            lastUnit = unit.order
            number = 0
            digits = 0
            sawUnit = true
        }
        guard sawUnit, digits == 0, total > 0 else { return nil }
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
