extension ConfigValue {
    /// Compact one-line JSON, shortened to about `limit` characters, safe to print in a terminal.
    func quoted(limit: Int = 60) -> String {
        switch self {
        case .string(let s):
            let shown = s.count > limit ? String(s.prefix(limit - 1)) + "…" : s
            return ConfigValue.escape(shown, forDisplay: true)
        default:
            let text = compact()
            return text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
        }
    }

    /// One-line JSON with sorted keys.
    func compact() -> String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(_, let text): return text
        case .string(let s): return ConfigValue.escape(s, forDisplay: true)
        case .array(let items): return "[" + items.map { $0.compact() }.joined(separator: ", ") + "]"
        case .object(let fields):
            let parts = fields.keys.sorted().map { ConfigValue.escape($0, forDisplay: true) + ": " + fields[$0]!.compact() }
            return "{" + parts.joined(separator: ", ") + "}"
        }
    }

    /// Pretty JSON: two-space indentation, sorted keys, one array item per line, no trailing newline.
    func pretty(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + $0.pretty(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            let parts = fields.keys.sorted().map { inner + ConfigValue.escape($0) + ": " + fields[$0]!.pretty(indent: inner) }
            return "{\n" + parts.joined(separator: ",\n") + "\n" + indent + "}"
        case .string(let s):
            return ConfigValue.escape(s)
        default:
            return compact()
        }
    }

    /// A JSON string literal. For display, also escapes characters that could garble a terminal
    /// line (line separators, bidirectional overrides).
    static func escape(_ s: String, forDisplay: Bool = false) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let props = scalar.properties
                let unsafe = scalar.value < 0x20 || (forDisplay && (
                    props.generalCategory == .control || props.isBidiControl
                        || props.generalCategory == .lineSeparator || props.generalCategory == .paragraphSeparator))
                if unsafe {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
