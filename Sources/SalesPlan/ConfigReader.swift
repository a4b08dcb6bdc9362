/// Walks a config document and collects every problem instead of stopping at the first.
///
/// Each reading method returns nil after recording an error, so callers keep going and the
/// user sees all problems of a file at once.
struct ConfigReader {
    private(set) var errors: [ConfigError] = []
    /// The plan's week start, read before the actions: dated targets change on it.
    var weekStart: Weekday = .mon

    mutating func fail(_ path: String, _ value: ConfigValue?, _ message: String, hint: String? = nil) {
        errors.append(ConfigError(path: path.isEmpty ? "$" : path, value: value?.quoted(), message: message, hint: hint))
    }

    /// Checks that `value` is an object and reports each key not in `keys`, naming the closest known one.
    mutating func object(_ value: ConfigValue, at path: String, keys: [String], example: String) -> ConfigObject? {
        guard case .object(let fields) = value else {
            fail(path, value, "is not an object", hint: "use e.g. " + example)
            return nil
        }
        var misspelled: Set<String> = []
        let probe = ConfigObject(path: path, fields: fields, misspelled: [])
        var slots = [ConfigValue?](repeating: nil, count: keys.count)
        var unknown: [String] = []
        for (key, value) in fields {
            if let index = ConfigObject.position(of: key, in: keys) { slots[index] = value } else { unknown.append(key) }
        }
        // Sorted only when there is something to report: most objects have no unknown key.
        for key in unknown.sorted() {
            let missing = keys.filter { fields[$0] == nil }
            if let guess = ClosestMatch.find(key, in: missing) ?? ClosestMatch.find(key, in: keys) {
                misspelled.insert(guess)
                fail(probe.path(of: key), nil, "unknown key", hint: "did you mean \"\(guess)\"?")
            } else {
                fail(probe.path(of: key), nil, "unknown key", hint: "known keys: " + keys.joined(separator: ", "))
            }
        }
        return ConfigObject(path: path, fields: fields, misspelled: misspelled, keys: keys, slots: slots)
    }

    /// The value of a required key, or nil after reporting it missing (unless a misspelling was reported).
    mutating func required(_ key: String, in object: ConfigObject, hint: String) -> ConfigValue? {
        if let value = object.value(key) { return value }
        if !object.misspelled.contains(key) {
            fail(object.path(of: key), nil, "is missing", hint: hint)
        }
        return nil
    }

    /// The `id` of item `index` of the list at `path`, or nil after reporting it missing, not an
    /// id, or the id of an earlier item (`firstIndex` holds where each id was first written).
    mutating func uniqueID(in object: ConfigObject, index: Int, of path: String, firstIndex: inout [String: Int],
                           hint: String, kind: String) -> String? {
        guard let id = required("id", in: object, hint: hint).flatMap({ self.id($0, at: object.path(of: "id")) })
        else { return nil }
        if let first = firstIndex[id] {
            fail(object.path(of: "id"), .string(id), "is already the id of \(path)[\(first)]",
                 hint: "give each \(kind) its own id")
            return nil
        }
        firstIndex[id] = index
        return id
    }

    mutating func array(_ value: ConfigValue, at path: @autoclosure () -> String, example: String) -> [ConfigValue]? {
        guard case .array(let items) = value else {
            fail(path(), value, "is not a list", hint: "use e.g. " + example)
            return nil
        }
        return items
    }

    mutating func string(_ value: ConfigValue, at path: @autoclosure () -> String) -> String? {
        guard case .string(let s) = value else {
            fail(path(), value, "is not a string")
            return nil
        }
        return s
    }

    /// Text people read (names, titles): not blank, one line, of a sensible length.
    mutating func text(_ value: ConfigValue, at path: @autoclosure () -> String, maxLength: Int) -> String? {
        guard var s = string(value, at: path()) else { return nil }
        // Most text is printable ASCII: then no Unicode property needs looking up, a letter
        // proves it is not blank, and the byte count is the character count. (Checked on the
        // bytes in one buffer: a byte at a time through the view cost several times more.)
        let plain = s.withUTF8 { $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
        if plain ? s.utf8.allSatisfy({ $0 == 0x20 }) : s.allSatisfy(\.isWhitespace) {
            fail(path(), value, "is empty", hint: "write a few words")
        } else if !plain, s.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            fail(path(), value, "contains a control character", hint: "remove line breaks, tabs and other control characters")
        } else if (plain ? s.utf8.count : s.count) > maxLength {
            fail(path(), value, "is too long", hint: "use at most \(maxLength) characters")
        } else {
            return s
        }
        return nil
    }

    /// An id as scripts and the journal use it: `[a-z0-9][a-z0-9-]*`, at most 64 characters.
    mutating func id(_ value: ConfigValue, at path: @autoclosure () -> String) -> String? {
        guard var s = string(value, at: path()) else { return nil }
        // Every allowed character is one ASCII byte, so the bytes can be checked and counted.
        let allowed = { (c: UInt8) in (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) }
        let valid = s.withUTF8 { bytes in
            bytes.count <= 64 && bytes.first.map(allowed) == true && bytes.allSatisfy { allowed($0) || $0 == UInt8(ascii: "-") }
        }
        guard valid else {
            let slug = ConfigReader.slug(s)
            let example = slug.isEmpty || slug == s ? "follow-up" : slug
            fail(path(), value, "is not a valid id",
                 hint: "use up to 64 lowercase letters, digits and dashes, e.g. \"\(example)\"")
            return nil
        }
        return s
    }

    mutating func bool(_ value: ConfigValue, at path: @autoclosure () -> String) -> Bool? {
        guard case .bool(let b) = value else {
            fail(path(), value, "is not true or false", hint: "use true or false, without quotes")
            return nil
        }
        return b
    }

    mutating func wholeNumber(_ value: ConfigValue, at path: @autoclosure () -> String, in range: ClosedRange<Int>) -> Int? {
        let message: String
        if case .number(let d, _) = value {
            if d.isFinite, d.rounded() == d {
                if abs(d) < 1e15, let n = Int(exactly: d), range.contains(n) { return n }
                message = "is out of range"
            } else {
                message = "is not a whole number"
            }
        } else {
            message = "is not a number"
        }
        fail(path(), value, message, hint: "use a whole number from \(range.lowerBound) to \(range.upperBound)")
        return nil
    }

    mutating func time(_ value: ConfigValue, at path: @autoclosure () -> String) -> LocalTime? {
        if case .string(let s) = value, let time = LocalTime(s) { return time }
        fail(path(), value, "is not a time", hint: "use HH:MM, e.g. \"09:30\"")
        return nil
    }

    /// A duration between `min` and 24 hours.
    mutating func duration(_ value: ConfigValue, at path: @autoclosure () -> String, min: PlanDuration = PlanDuration(seconds: 1)) -> PlanDuration? {
        guard case .string(let s) = value, let duration = PlanDuration(s) else {
            fail(path(), value, "is not a duration", hint: "use a number and h, m or s, e.g. \"15m\" or \"1h30m\"")
            return nil
        }
        if duration < min {
            fail(path(), value, "is too short", hint: "use \"\(min)\" or more")
            return nil
        }
        if duration > .longest {
            fail(path(), value, "is too long", hint: "use at most \"\(PlanDuration.longest)\"")
            return nil
        }
        return duration
    }

    mutating func weekday(_ value: ConfigValue, at path: @autoclosure () -> String) -> Weekday? {
        if case .string(let s) = value, let day = Weekday(name: s) { return day }
        fail(path(), value, "is not a weekday", hint: "use mon, tue, wed, thu, fri, sat or sun")
        return nil
    }

    mutating func date(_ value: ConfigValue, at path: @autoclosure () -> String) -> LocalDay? {
        if case .string(let s) = value, let day = LocalDay(iso: s) { return day }
        fail(path(), value, "is not a date", hint: "use YYYY-MM-DD, e.g. \"2026-12-24\"")
        return nil
    }

    mutating func daySpec(_ value: ConfigValue, at path: @autoclosure () -> String) -> DaySpec? {
        guard case .string(let s) = value else {
            fail(path(), value, "is not a day", hint: "use mon…sun, weekdays, weekends, daily or a date like \"2026-12-24\"")
            return nil
        }
        if let spec = DaySpec(s) { return spec }
        if s.first?.isNumber == true {
            fail(path(), value, "is not a date", hint: "use YYYY-MM-DD, e.g. \"2026-12-24\"")
        } else if let guess = ClosestMatch.find(s, in: ["weekdays", "weekends", "daily"] + Weekday.allCases.map(\.description)) {
            fail(path(), value, "is not a day", hint: "did you mean \"\(guess)\"?")
        } else {
            fail(path(), value, "is not a day", hint: "use mon…sun, weekdays, weekends, daily or a date like \"2026-12-24\"")
        }
        return nil
    }

    /// `Follow Up!` → `follow-up`: the id a person probably meant.
    static func slug(_ s: String) -> String {
        var out = ""
        for scalar in s.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, out.last != "-" {
                out += "-"
            }
        }
        while out.last == "-" { out.removeLast() }
        return String(out.prefix(64))
    }
}
