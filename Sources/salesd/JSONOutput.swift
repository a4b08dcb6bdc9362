import SalesControl

/// The `--json` output: the reply's parameters as JSON with sorted keys.
enum JSONOutput {
    /// Indented JSON (two spaces), for one reply.
    static func pretty(_ parameters: [String: JSONValue]) -> String {
        pretty(.object(parameters), indent: "")
    }

    /// One line of JSON, for streams (`watch`).
    static func line(_ parameters: [String: JSONValue]) -> String {
        JSONValue.object(parameters).jsonText
    }

    private static func pretty(_ value: JSONValue, indent: String) -> String {
        let inner = indent + "  "
        switch value {
        case .array(let items) where !items.isEmpty:
            return "[\n" + items.map { inner + pretty($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let fields) where !fields.isEmpty:
            let members = fields.keys.sorted().map { key in
                inner + JSONValue.string(key).jsonText + ": " + pretty(fields[key]!, indent: inner)
            }
            return "{\n" + members.joined(separator: ",\n") + "\n" + indent + "}"
        default:
            return value.jsonText
        }
    }
}
