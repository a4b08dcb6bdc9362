/// Where each value of a JSON text is, in UTF-8 byte offsets: enough to change one value and
/// leave every other byte of a hand-written file (layout, key order, spacing) as it was.
///
/// Only for text that already parsed as JSON: it does not report errors, it returns nil.
struct JSONSpans {
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

    private let bytes: [UInt8]
    private var i = 0

    static func parse(_ text: String) -> Spanned? {
        var parser = JSONSpans(bytes: Array(text.utf8))
        return parser.value()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    private mutating func value() -> Spanned? {
        skipSpace()
        guard i < bytes.count else { return nil }
        let start = i
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [(key: String, value: Spanned)] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return Spanned(node: .object([]), start: start, end: i) }
            while true {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                guard let member = value() else { return nil }
                members.append((key, member))
                skipSpace()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                guard bytes[i] == UInt8(ascii: "}") else { return nil }
                i += 1
                return Spanned(node: .object(members), start: start, end: i)
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [Spanned] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return Spanned(node: .array([]), start: start, end: i) }
            while true {
                guard let item = value() else { return nil }
                items.append(item)
                skipSpace()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                guard bytes[i] == UInt8(ascii: "]") else { return nil }
                i += 1
                return Spanned(node: .array(items), start: start, end: i)
            }
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
