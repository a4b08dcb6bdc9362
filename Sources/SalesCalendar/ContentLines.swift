/// iCalendar content lines (RFC 5545 §3.1): CRLF endings, folded at 75 octets, TEXT escaped.
struct ContentLines {
    private(set) var text = ""

    /// The lines so far, leaving none.
    mutating func take() -> String {
        defer { text = "" }
        return text
    }

    /// Appends `NAME[;PARAMS]:VALUE`, folded; `value` is written as given (escape TEXT first).
    mutating func add(_ name: String, _ value: String) {
        text += Self.fold(name + ":" + value)
    }

    /// Appends a TEXT property, escaped.
    mutating func addText(_ name: String, _ value: String) {
        add(name, Self.escape(value))
    }

    /// `\`, `;`, `,` and line breaks escaped as RFC 5545 §3.3.11 requires.
    static func escape(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The line with CRLF, split into pieces of at most 75 octets (the first) and 1 + 74 octets
    /// (the continuations, which start with a space); never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > limit {
                out += "\r\n "
                octets = 1
                limit = 75
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out + "\r\n"
    }
}
