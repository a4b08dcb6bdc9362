/// Where each value of a JSON text is, in UTF-8 byte offsets: enough to change one value and
/// leave every other byte of a hand-written file (layout, key order, spacing) as it was.
///
/// Only for text that already parsed as JSON: it does not report errors, it returns nil.
struct JSONSpans: JSONCursor {
    indirect enum Node {
        case object([(key: String, value: Spanned)])
        case array([Spanned])
        case scalar
    }

    struct Spanned {
        var node: Node
        /// `start..<end` of the value's bytes.
        var start: Int
        var end: Int

        func member(_ key: String) -> Spanned? {
            guard case .object(let members) = node else { return nil }
            return members.first { $0.key == key }?.value
        }

        var elements: [Spanned] {
            if case .array(let items) = node { return items }
            return []
        }
    }

    let bytes: [UInt8]
    var i = 0

    static func parse(_ text: String) -> Spanned? {
        var parser = JSONSpans(bytes: Array(text.utf8))
        return parser.value()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func value() -> Spanned? {
        skipSpace()
        guard i < bytes.count else { return nil }
        let start = i
        switch bytes[i] {
        case UInt8(ascii: "{"):
            var members: [(key: String, value: Spanned)] = []
            let read = items(closing: "}") { parser in
                guard let key = parser.string() else { return false }
                parser.skipSpace()
                guard parser.i < parser.bytes.count, parser.bytes[parser.i] == UInt8(ascii: ":") else { return false }
                parser.i += 1
                guard let member = parser.value() else { return false }
                members.append((key, member))
                return true
            }
            return read ? Spanned(node: .object(members), start: start, end: i) : nil
        case UInt8(ascii: "["):
            var elements: [Spanned] = []
            let read = items(closing: "]") { parser in
                guard let item = parser.value() else { return false }
                elements.append(item)
                return true
            }
            return read ? Spanned(node: .array(elements), start: start, end: i) : nil
        case UInt8(ascii: "\""):
            guard string() != nil else { return nil }
            return Spanned(node: .scalar, start: start, end: i)
        default:
            // A number, true, false or null: up to the next delimiter.
            while i < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D]
                .contains(bytes[i]) { i += 1 }
            return i > start ? Spanned(node: .scalar, start: start, end: i) : nil
        }
    }

    /// A string's decoded text (escapes of keys kept as written, which is enough for ids).
    private mutating func string() -> String? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
            if bytes[i] == UInt8(ascii: "\\") { i += 1 }
            i += 1
        }
        guard i < bytes.count else { return nil }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        i += 1
        return text
    }
}
