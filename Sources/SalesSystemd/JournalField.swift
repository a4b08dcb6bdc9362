/// One `NAME=value` field of a journal entry.
public struct JournalField: Hashable, Sendable {
    /// Upper-case ASCII letters, digits and `_`, not starting with `_` (journald drops others).
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// `text` made into a valid field name: upper-cased, other characters replaced by `_`,
    /// leading underscores dropped (they are reserved for journald's trusted fields).
    public static func sanitizedName(_ text: String) -> String {
        let mapped = text.uppercased().unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "A"..."Z", "0"..."9": Character(scalar)
            default: "_"
            }
        }
        let trimmed = String(mapped).drop { $0 == "_" }
        return trimmed.isEmpty ? "FIELD" : String(trimmed)
    }
}
