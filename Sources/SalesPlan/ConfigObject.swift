/// A JSON object of the config whose keys were checked against the ones its place allows.
struct ConfigObject {
    /// Where the object sits (`actions[2]`; empty for the root).
    let path: String
    let fields: [String: ConfigValue]
    /// Known keys that an unknown key in this object probably meant; not reported again as missing.
    let misspelled: Set<String>

    /// The path of `key` inside this object: `actions[2].at`, or `actions[2]["odd key"]`.
    func path(of key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-")
        }
        if !plain { return path + "[" + ConfigValue.escape(key, forDisplay: true) + "]" }
        return path.isEmpty ? key : path + "." + key
    }

    /// The value of an optional key; an explicit `null` counts as absent.
    func optional(_ key: String) -> ConfigValue? {
        guard let value = fields[key], value != .null else { return nil }
        return value
    }
}
