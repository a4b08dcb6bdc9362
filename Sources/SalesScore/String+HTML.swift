import SalesContract

extension String {
    /// The text made safe inside HTML and SVG elements and quoted attributes. Read by Unicode
    /// scalar, not by character: a "<" followed by a combining mark is one Character that is not
    /// equal to "<", and would otherwise pass through unescaped.
    var htmlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for ch in unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
