import Foundation

extension Plan {
    /// Parses and validates a config file, reporting every problem at once.
    ///
    /// - Parameter data: the file's bytes (UTF-8 JSON).
    /// - Throws: ``ConfigErrors`` with one ``ConfigError`` per problem, each with its JSON path,
    ///   the offending value and a hint. A plan is returned only when there is no problem at all.
    public static func parse(_ data: Data) throws(ConfigErrors) -> Plan {
        // A valid plan is read without Foundation's parser; anything else takes the path below,
        // whose messages (syntax errors, values quoted as Foundation reads them) stay as they were.
        if let plan = quickParse(data) { return plan }
        let root: ConfigValue
        // Foundation's parser accepts `[1, 2,]`; JSON (and every other reader of the file) does not.
        if let comma = trailingComma(in: data) {
            let (line, column) = lineAndColumn(of: comma, in: data)
            throw ConfigErrors([ConfigError(path: "$", message: "is not valid JSON: a trailing comma at line \(line), column \(column)",
                                            hint: "remove the comma after the last item of the list or object")])
        }
        do {
            let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            guard let converted = ConfigValue(foundation: object) else {
                throw ConfigErrors([ConfigError(path: "$", message: "is not plain JSON", hint: "check the file's contents")])
            }
            root = converted
        } catch let error as ConfigErrors {
            throw error
        } catch {
            throw ConfigErrors([syntaxError(error, in: data)])
        }
        var reader = ConfigReader()
        guard let plan = reader.plan(root), reader.errors.isEmpty else { throw ConfigErrors(reader.errors) }
        return plan
    }

    /// ``parse(_:)`` for a well-formed file read by ``ConfigJSON`` instead of Foundation; nil
    /// when the file is not one (then ``parse(_:)`` reads and reports it the Foundation way).
    private static func quickParse(_ data: Data) -> Plan? {
        guard let root = ConfigJSON.parse(data) else { return nil }
        var reader = ConfigReader()
        guard let plan = reader.plan(root), reader.errors.isEmpty else { return nil }
        return plan
    }

    /// Turns a JSONSerialization failure into an error that says where in the file it is.
    static func syntaxError(_ error: Error, in data: Data) -> ConfigError {
        if data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            return ConfigError(path: "$", message: "the file is empty",
                               hint: #"a config is a JSON object, e.g. {"version": 1, "steps": […], "actions": […]}"#)
        }
        let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
        if detail.contains("UTF-8") {
            return ConfigError(path: "$", message: "is not valid UTF-8 text", hint: "save the file as UTF-8")
        }
        let offset: Int
        var message = "is not valid JSON"
        var hint = "check for a missing or extra comma, quote or bracket there or just before"
        if let found = characterOffset(in: detail) {
            offset = min(found, data.count)
            if detail.hasPrefix("Unescaped control character") {
                hint = #"write line breaks and tabs inside a string as \n and \t"#
            }
        } else if detail.localizedCaseInsensitiveContains("end of file") {
            offset = data.count
            message = "is not valid JSON: the text ends too early"
            hint = "check for a missing closing quote or bracket"
        } else {
            return ConfigError(path: "$", message: message, hint: detail.isEmpty ? "check quotes, commas and brackets" : detail)
        }
        let (line, column) = lineAndColumn(of: offset, in: data)
        return ConfigError(path: "$", message: message + " at line \(line), column \(column)", hint: hint)
    }

    /// The byte offset of a comma that only whitespace separates from a closing `]` or `}`,
    /// outside strings; nil when there is none.
    static func trailingComma(in data: Data) -> Int? {
        var inString = false
        var escaped = false
        var lastComma: Int?
        for (offset, byte) in data.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            switch byte {
            case 0x22: inString = true; lastComma = nil
            case 0x2C: lastComma = offset
            case 0x5D, 0x7D: if let lastComma { return lastComma }
            case 0x20, 0x09, 0x0A, 0x0D: break
            default: lastComma = nil
            }
        }
        return nil
    }

    /// The `N` of "… around character N." in a JSONSerialization message (a 0-based byte offset).
    private static func characterOffset(in detail: String) -> Int? {
        guard let range = detail.range(of: "character ", options: .backwards) else { return nil }
        let digits = detail[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int(digits)
    }

    private static func lineAndColumn(of offset: Int, in data: Data) -> (line: Int, column: Int) {
        let before = data.prefix(offset)
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? before.startIndex
        // Count characters, not bytes, so the column matches what an editor shows.
        let column = String(decoding: data[lineStart..<(before.endIndex)], as: UTF8.self).count + 1
        return (line, column)
    }
}
