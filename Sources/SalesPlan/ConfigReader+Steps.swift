extension ConfigReader {
    static let stepKeys = ["id", "name", "why"]

    /// Reads the steps that are well formed; every other problem is recorded as an error.
    mutating func steps(_ value: ConfigValue, at path: String) -> [Step]? {
        let example = #"[{"id": "connect", "name": "Connect", "why": "Meet people in your market"}]"#
        guard let items = array(value, at: path, example: example) else { return nil }
        if items.isEmpty {
            fail(path, value, "is empty", hint: "list the steps of your sales process, e.g. " + example)
            return nil
        }
        var steps: [Step] = []
        var firstIndex: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            guard let object = object(item, at: path + "[\(i)]", keys: Self.stepKeys,
                                      example: #"{"id": "connect", "name": "Connect"}"#) else { continue }
            var id = required("id", in: object, hint: #"give the step an id, e.g. "connect""#)
                .flatMap { self.id($0, at: object.path(of: "id")) }
            if let known = id {
                if let first = firstIndex[known] {
                    fail(object.path(of: "id"), .string(known), "is already the id of \(path)[\(first)]",
                         hint: "give each step its own id")
                    id = nil
                } else {
                    firstIndex[known] = i
                }
            }
            let name = required("name", in: object, hint: #"give the step a name, e.g. "Connect""#)
                .flatMap { text($0, at: object.path(of: "name"), maxLength: 200) }
            let why = object.optional("why").flatMap { text($0, at: object.path(of: "why"), maxLength: 1000) }
            if let id, let name { steps.append(Step(id: id, name: name, why: why)) }
        }
        return steps
    }
}
