/// A JSON object of the config whose keys were checked against the ones its place allows.
struct ConfigObject {
    /// Where the object sits (`actions[2]`; empty for the root).
    let path: String
    let fields: [String: ConfigValue]
    /// Known keys that an unknown key in this object probably meant; not reported again as missing.
    let misspelled: Set<String>
    /// The keys its place allows, and the value of each (nil when absent): a reader asks for
    /// every known key of every object, and finding it here needs no hashing.
    var keys: [String] = []
    var slots: [ConfigValue?] = []

    /// Where `key` is in `keys`, if it is one of them.
    static func position(of key: String, in keys: [String]) -> Int? {
        // Lengths first: they tell most keys apart without comparing text.
        let length = key.utf8.count
        return keys.firstIndex { $0.utf8.count == length && $0 == key }
    }

    /// The value of `key`, an explicit `null` included.
    func value(_ key: String) -> ConfigValue? {
        if let index = Self.position(of: key, in: keys) { return slots[index] }
        return fields[key]
    }

    /// The path of `key` inside this object: `actions[2].at`, or `actions[2]["odd key"]`.
    func path(of key: String) -> String {
        // ASCII letters and digits are the only ASCII scalars that are alphabetic or numeric.
        let plain = !key.isEmpty && key.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
        if !plain { return path + "[" + ConfigValue.escape(key, forDisplay: true) + "]" }
        return path.isEmpty ? key : path + "." + key
    }

    /// The value of an optional key; an explicit `null` counts as absent.
    func optional(_ key: String) -> ConfigValue? {
        // Matched, not compared: `!=` would call the synthesized `==` of the whole enum on every lookup.
        guard let value = value(key) else { return nil }
        if case .null = value { return nil }
        return value
    }
}
