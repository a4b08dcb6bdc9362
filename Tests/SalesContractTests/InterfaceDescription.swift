import Foundation
import SalesContract

/// The members of each `type`, `method` and `error` of a Varlink interface description, read
/// from its text: enough to compare the text with the Swift types it describes.
struct InterfaceDescription {
    /// A member: its name and whether it is optional (`?type`).
    struct Field: Hashable, CustomStringConvertible {
        var name: String
        var optional: Bool
        var description: String { optional ? name + "?" : name }
    }

    var types: [String: Set<Field>] = [:]
    var methodInputs: [String: Set<Field>] = [:]
    var methodOutputs: [String: Set<Field>] = [:]
    var errors: [String: Set<Field>] = [:]

    init(_ text: String) {
        // Comments out, then one declaration per keyword.
        let code = text.split(separator: "\n").map { line in line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0] }
            .joined(separator: " ")
        let words = ["type", "method", "error"]
        var rest = Substring(code)
        while let (keyword, range) = words.compactMap({ w in rest.range(of: " \(w) ").map { (w, $0) } ?? (rest.hasPrefix("\(w) ") ? (w, rest.startIndex..<rest.index(rest.startIndex, offsetBy: w.count + 1)) : nil) })
            .min(by: { $0.1.lowerBound < $1.1.lowerBound }) {
            rest = rest[range.upperBound...]
            let name = String(rest.prefix { $0.isLetter || $0.isNumber })
            rest = rest.dropFirst(name.count)
            let input = Self.parenthesised(&rest)
            switch keyword {
            case "type": types[name] = Self.fields(input)
            case "error": errors[name] = Self.fields(input)
            default:
                methodInputs[name] = Self.fields(input)
                if let arrow = rest.range(of: "->") {
                    rest = rest[arrow.upperBound...]
                    methodOutputs[name] = Self.fields(Self.parenthesised(&rest))
                }
            }
        }
    }

    /// The text between the next `(` and its matching `)`, which `rest` is moved past.
    private static func parenthesised(_ rest: inout Substring) -> Substring {
        guard let open = rest.firstIndex(of: "(") else { return "" }
        var depth = 0
        var index = open
        while index < rest.endIndex {
            if rest[index] == "(" { depth += 1 }
            if rest[index] == ")" { depth -= 1; if depth == 0 { break } }
            index = rest.index(after: index)
        }
        let inside = rest[rest.index(after: open)..<index]
        rest = index < rest.endIndex ? rest[rest.index(after: index)...] : ""
        return inside
    }

    private static func fields(_ text: Substring) -> Set<Field> {
        Set(text.split(separator: ",").compactMap { member in
            let parts = member.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            return Field(name: name, optional: parts[1].trimmingCharacters(in: .whitespaces).hasPrefix("?"))
        })
    }
}

extension InterfaceDescription.Field {
    /// The stored properties of `value`, optional or not, as Codable encodes them by default.
    static func of(_ value: Any) -> Set<Self> {
        Set(Mirror(reflecting: value).children.compactMap { child in
            child.label.map { Self(name: $0, optional: Mirror(reflecting: child.value).displayStyle == .optional) }
        })
    }
}
