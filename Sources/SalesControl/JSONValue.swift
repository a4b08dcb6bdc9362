/// A JSON document as a plain value: what Varlink parameters are made of.
///
/// Integers stay exact in ``int(_:)`` (a count of 5 travels as `5`, never `5.0`); numbers with a
/// fraction or an exponent are ``double(_:)``. Objects print with sorted keys, so the same value
/// always encodes to the same bytes.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The member `key` of an object; nil for a missing key or a value that is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let fields) = self else { return nil }
        return fields[key]
    }

    /// The element at `index` of an array; nil when out of range or not an array.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// The text of a string value.
    public var string: String? {
        guard case .string(let s) = self else { return nil }
        return s
    }

    /// An integer value, also from a double with no fraction that fits in `Int`.
    public var int: Int? {
        switch self {
        case .int(let n): return Int(exactly: n)
        case .double(let d): return Int(exactly: d)
        default: return nil
        }
    }

    /// A number as a double (integers convert).
    public var double: Double? {
        switch self {
        case .int(let n): return Double(n)
        case .double(let d): return d
        default: return nil
        }
    }

    /// The value of a boolean.
    public var bool: Bool? {
        guard case .bool(let b) = self else { return nil }
        return b
    }

    /// The elements of an array.
    public var array: [JSONValue]? {
        guard case .array(let items) = self else { return nil }
        return items
    }

    /// The members of an object.
    public var object: [String: JSONValue]? {
        guard case .object(let fields) = self else { return nil }
        return fields
    }

    /// True for `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
