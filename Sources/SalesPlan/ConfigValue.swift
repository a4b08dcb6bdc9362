import Foundation

/// A config file as a plain value: numbers keep the text the user wrote (so errors quote
/// `99999999999999999999`, not `1e+20`), free of Foundation's bridging (where `true` is also `1`).
enum ConfigValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number and its text as written (so errors quote `99999999999999999999`, not `1e+20`).
    case number(Double, text: String)
    case string(String)
    case array([ConfigValue])
    case object([String: ConfigValue])

    static func integer(_ n: Int) -> ConfigValue { .number(Double(n), text: String(n)) }

    var numberValue: Double? {
        if case .number(let d, _) = self { return d }
        return nil
    }

    /// Converts what `JSONSerialization` returns; nil for anything it should never return.
    init?(foundation value: Any) {
        // Containers first: a failed `as String` / `as NSNumber` cast on a container bridges the
        // whole subtree, which made large configs parse in quadratic time.
        switch value {
        case let array as [Any]:
            var items: [ConfigValue] = []
            items.reserveCapacity(array.count)
            for item in array {
                guard let converted = ConfigValue(foundation: item) else { return nil }
                items.append(converted)
            }
            self = .array(items)
        case let object as [String: Any]:
            var fields: [String: ConfigValue] = [:]
            for (key, item) in object {
                guard let converted = ConfigValue(foundation: item) else { return nil }
                fields[key] = converted
            }
            self = .object(fields)
        case is NSNull:
            self = .null
        case let string as String:
            self = .string(string)
        case let number as NSNumber:
            // JSON booleans arrive as NSNumber too; only their type encoding tells them apart.
            if String(cString: number.objCType) == "c" {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.doubleValue, text: number.stringValue)
            }
        default:
            return nil
        }
    }
}
