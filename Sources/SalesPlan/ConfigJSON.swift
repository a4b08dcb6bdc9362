/// A strict JSON reader straight into ``ConfigValue``, for the common case of a well-formed file.
///
/// Going through `JSONSerialization` and bridging its Foundation objects into a ``ConfigValue``
/// cost more than validating the plan. This reads the bytes once; it gives up (nil) on
/// anything unusual — a syntax error, a duplicate key, invalid UTF-8, deep nesting — and then
/// `Plan.parse` takes the Foundation path as before, so every message about a broken file
/// stays exactly what it was.
struct ConfigJSON: JSONCursor {
    let bytes: [UInt8]
    var i = 0
    private var depth = 0
    /// The members of the objects being read, innermost last.
    private var members: [(key: String, value: ConfigValue)] = []
    private static let maxDepth = 512

    /// The document `data` holds, or nil when this reader leaves it to Foundation.
    static func parse(_ data: some Collection<UInt8>) -> ConfigValue? {
        var reader = ConfigJSON(bytes: Array(data))
        reader.skipSpace()
        guard let value = reader.value() else { return nil }
        reader.skipSpace()
        return reader.i == reader.bytes.count ? value : nil
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func value() -> ConfigValue? {
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map(ConfigValue.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    private mutating func literal(_ word: String, _ value: ConfigValue) -> ConfigValue? {
        let letters = word.utf8
        guard i + letters.count <= bytes.count, bytes[i..<(i + letters.count)].elementsEqual(letters) else { return nil }
        i += letters.count
        return value
    }

    private mutating func object() -> ConfigValue? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { return nil }
        // The members go on a stack shared by all objects, so each dictionary is made once at
        // its final size instead of growing key by key.
        let first = members.count
        defer { members.removeSubrange(first...) }
        let read = items(closing: "}") { reader in
            guard reader.i < reader.bytes.count, reader.bytes[reader.i] == UInt8(ascii: "\""), let key = reader.string() else { return false }
            reader.skipSpace()
            guard reader.i < reader.bytes.count, reader.bytes[reader.i] == UInt8(ascii: ":") else { return false }
            reader.i += 1
            reader.skipSpace()
            guard let item = reader.value() else { return false }
            reader.members.append((key, item))
            return true
        }
        guard read else { return nil }
        var fields: [String: ConfigValue] = Dictionary(minimumCapacity: members.count - first)
        for (key, item) in members[first...] {
            guard fields.updateValue(item, forKey: key) == nil else { return nil }
        }
        return .object(fields)
    }

    private mutating func array() -> ConfigValue? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { return nil }
        var elements: [ConfigValue] = []
        let read = items(closing: "]") { reader in
            guard let item = reader.value() else { return false }
            elements.append(item)
            return true
        }
        return read ? .array(elements) : nil
    }

    /// A string starting at the opening quote; nil on a bad escape, a control character or invalid UTF-8.
    private mutating func string() -> String? {
        i += 1
        let start = i
        // The common case: no escapes, so the bytes are the string; ASCII needs no validation.
        // Scanned in the buffer: most of a config's bytes are in strings.
        let (end, bits) = bytes.withUnsafeBufferPointer { buffer in
            var end = start, bits: UInt8 = 0
            while end < buffer.count {
                let byte = buffer[end]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                bits |= byte
                end += 1
            }
            return (end, bits)
        }
        i = end
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "\"") {
            let text = bits < 0x80 ? String(decoding: bytes[start..<i], as: UTF8.self) : String(validating: bytes[start..<i], as: UTF8.self)
            i += 1
            return text
        }
        guard bytes[i] == UInt8(ascii: "\\") else { return nil }
        var scalars = Array(bytes[start..<i])
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""):
                i += 1
                return String(validating: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                i += 1
                guard i < bytes.count else { return nil }
                let escape = bytes[i]
                i += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    guard var code = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(code) {
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else { return nil }
                        i += 2
                        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(code) {
                        return nil
                    }
                    guard let scalar = Unicode.Scalar(code) else { return nil }
                    scalars.append(contentsOf: UTF8.encode(scalar)!)
                default:
                    return nil
                }
            default:
                guard byte >= 0x20 else { return nil }
                scalars.append(byte)
                i += 1
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[i]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            code = code << 4 | UInt32(digit)
            i += 1
        }
        return code
    }

    /// A number as JSON writes it (`-`, digits without a leading zero, fraction, exponent), and its text.
    private mutating func number() -> ConfigValue? {
        let start = i
        func digits() -> Int {
            let from = i
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            return i - from
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let integerStart = i
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return nil }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return nil }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        // Most numbers in a plan are small whole ones (targets, budgets): their value is exact
        // from the digits, without a string-to-double conversion.
        if i - integerStart == integerDigits, integerDigits <= 15 {
            let magnitude = bytes[integerStart..<i].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            return .number(integerStart > start ? -Double(magnitude) : Double(magnitude), text: text)
        }
        guard let value = Double(text), value.isFinite else { return nil }
        return .number(value, text: text)
    }
}
