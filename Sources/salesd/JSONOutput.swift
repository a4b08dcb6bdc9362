import Foundation

/// The `--json` output: a reply as JSON with sorted keys, encoded by Foundation.
enum JSONOutput {
    /// Indented JSON, for one reply.
    static func pretty(_ value: some Encodable) -> String {
        encode(value, [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// One line of JSON, for streams (`watch`).
    static func line(_ value: some Encodable) -> String {
        encode(value, [.sortedKeys, .withoutEscapingSlashes])
    }

    /// Indented JSON of a JSON object built from strings, numbers, booleans, arrays and dictionaries.
    static func pretty(object: [String: Any]) -> String {
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: options)) ?? Data("{}".utf8),
                      as: UTF8.self)
    }

    private static func encode(_ value: some Encodable, _ formatting: JSONEncoder.OutputFormatting) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        // The reply types are plain strings, numbers and lists: encoding them cannot fail.
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
