import SalesControl

/// Typed access to a call's parameters.
struct Parameters {
    let values: [String: JSONValue]

    init(_ values: [String: JSONValue]) { self.values = values }

    func string(_ key: String) throws(ParameterError) -> String? {
        guard let value = values[key], !value.isNull else { return nil }
        guard let s = value.string else { throw ParameterError(parameter: key, message: "\(key) must be a string") }
        return s
    }

    func required(_ key: String) throws(ParameterError) -> String {
        guard let s = try string(key) else { throw ParameterError(parameter: key, message: "\(key) is required") }
        return s
    }

    func int(_ key: String) throws(ParameterError) -> Int? {
        guard let value = values[key], !value.isNull else { return nil }
        guard let n = value.int else { throw ParameterError(parameter: key, message: "\(key) must be a whole number") }
        return n
    }

    func double(_ key: String) throws(ParameterError) -> Double? {
        guard let value = values[key], !value.isNull else { return nil }
        guard let n = value.double else { throw ParameterError(parameter: key, message: "\(key) must be a number") }
        return n
    }
}
