/// A wall-clock time of day, local to the plan's zone (`HH:MM` or `HH:MM:SS`, 24-hour).
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int
    public let second: Int

    public init?(hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Parses `HH:MM` or `HH:MM:SS` with exactly two digits per field.
    public init?(_ text: String) {
        // Read as bytes: every character of `HH:MM:SS` is one ASCII byte, a digit or a colon.
        guard text.utf8.count == 5 || text.utf8.count == 8 else { return nil }
        var text = text
        var fields = (0, 0, 0)
        // In one buffer: a short string's view hands its bytes out one at a time.
        let valid = text.withUTF8 { bytes in
            for (offset, byte) in bytes.enumerated() {
                if offset % 3 == 2 {
                    guard byte == UInt8(ascii: ":") else { return false }
                    continue
                }
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
                let digit = Int(byte - UInt8(ascii: "0"))
                switch offset / 3 {
                case 0: fields.0 = fields.0 * 10 + digit
                case 1: fields.1 = fields.1 * 10 + digit
                default: fields.2 = fields.2 * 10 + digit
                }
            }
            return true
        }
        guard valid else { return nil }
        guard let value = LocalTime(hour: fields.0, minute: fields.1, second: fields.2) else { return nil }
        self = value
    }

    /// Creates a time from seconds since local midnight (0..<86400).
    public init?(secondsSinceMidnight seconds: Int) {
        guard (0..<86_400).contains(seconds) else { return nil }
        self.init(hour: seconds / 3600, minute: seconds / 60 % 60, second: seconds % 60)
    }

    public var secondsSinceMidnight: Int { hour * 3600 + minute * 60 + second }

    /// `HH:MM`, or `HH:MM:SS` when seconds are set.
    public var description: String {
        // Written as bytes: listings print a time per action and reminder, and interpolating
        // padded numbers cost more than the rest of a row.
        String(unsafeUninitializedCapacity: second == 0 ? 5 : 8) { text in
            func write(_ field: Int, at offset: Int) {
                if offset > 0 { text[offset - 1] = UInt8(ascii: ":") }
                text[offset] = UInt8(ascii: "0") + UInt8(field / 10)
                text[offset + 1] = UInt8(ascii: "0") + UInt8(field % 10)
            }
            write(hour, at: 0)
            write(minute, at: 3)
            guard second != 0 else { return 5 }
            write(second, at: 6)
            return 8
        }
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
    }
}

func pad(_ n: Int, width: Int = 2) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
