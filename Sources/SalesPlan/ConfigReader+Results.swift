extension ConfigReader {
    static let resultKeys = ["id", "name", "unit"]

    /// Reads `results`: the lag measures the plan tracks, each with its own id and a unit.
    mutating func results(_ value: ConfigValue, at path: String) -> [ResultKind]? {
        let example = #"[{"id": "client", "name": "Clients won", "unit": "count"}, {"id": "revenue", "name": "Revenue", "unit": "EUR"}]"#
        guard let items = array(value, at: path, example: example) else { return nil }
        if items.isEmpty {
            fail(path, value, "is empty", hint: "list the results you track, e.g. \(example), or leave \"results\" out for the built-in ones")
            return nil
        }
        var kinds: [ResultKind] = []
        var firstIndex: [String: Int] = [:]
        var ok = true
        for (i, item) in items.enumerated() {
            let at = path + "[\(i)]"
            guard let object = object(item, at: at, keys: Self.resultKeys,
                                      example: #"{"id": "client", "name": "Clients won", "unit": "count"}"#)
            else { ok = false; continue }
            let id = uniqueID(in: object, index: i, of: path, firstIndex: &firstIndex,
                              hint: #"give the result an id, e.g. "client""#, kind: "result")
            let name = required("name", in: object, hint: #"give the result a name, e.g. "Clients won""#)
                .flatMap { text($0, at: object.path(of: "name"), maxLength: 200) }
            let unit = required("unit", in: object, hint: #"add "unit": "count", or a currency code such as "EUR""#)
                .flatMap { self.resultUnit($0, at: object.path(of: "unit")) }
            if let id, let name, let unit { kinds.append(ResultKind(id: id, name: name, unit: unit)) } else { ok = false }
        }
        return ok ? kinds : nil
    }

    /// `count`, or a three-letter currency code (`EUR`, `usd` is read as `USD`).
    mutating func resultUnit(_ value: ConfigValue, at path: @autoclosure () -> String) -> ResultKind.Unit? {
        guard let text = string(value, at: path()) else { return nil }
        if text == "count" { return .count }
        let letters = text.unicodeScalars
        if letters.count == 3, letters.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) }) {
            return .currency(text.uppercased())
        }
        fail(path(), value, "is not a unit", hint: #"use "count" for things you count, or a currency code such as "EUR""#)
        return nil
    }
}
