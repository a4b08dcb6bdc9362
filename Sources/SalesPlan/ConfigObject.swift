/// A JSON object of the config whose keys were checked against the ones its place allows.
struct ConfigObject {
    /// Where the object sits (`actions[2]`; empty for the root).
    let path: String
    let fields: [String: ConfigValue]
    /// Known keys that an unknown key in this object probably meant; not reported again as missing.
    let misspelled: Set<String>

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
        guard let value = fields[key] else { return nil }
        if case .null = value { return nil }
        return value
    }
}
