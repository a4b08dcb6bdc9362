extension ConfigReader {
    static let stepKeys = ["id", "name", "why", "followUp"]

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
            let id = uniqueID(in: object, index: i, of: path, firstIndex: &firstIndex,
                              hint: #"give the step an id, e.g. "connect""#, kind: "step")
            let name = required("name", in: object, hint: #"give the step a name, e.g. "Connect""#)
                .flatMap { text($0, at: object.path(of: "name"), maxLength: 200) }
            let why = object.optional("why").flatMap { text($0, at: object.path(of: "why"), maxLength: 1000) }
            var followUp: FollowUp?
            var followUpOK = true
            if let raw = object.optional("followUp") {
                followUp = self.followUp(raw, at: object.path(of: "followUp"))
                followUpOK = followUp != nil
            }
            if let id, let name, followUpOK { steps.append(Step(id: id, name: name, why: why, followUp: followUp)) }
        }
        return steps
    }

    /// `{"ideal": "3d", "max": "7d"}`: local calendar days, `max` at least `ideal`.
    mutating func followUp(_ value: ConfigValue, at path: String) -> FollowUp? {
        let example = #"{"ideal": "3d", "max": "7d"}"#
        guard let object = object(value, at: path, keys: ["ideal", "max"], example: example) else { return nil }
        let ideal = required("ideal", in: object, hint: #"add "ideal": "3d", the days a person should wait at most"#)
            .flatMap { days($0, at: object.path(of: "ideal")) }
        let max = required("max", in: object, hint: #"add "max": "7d", the days after which a person is overdue"#)
            .flatMap { days($0, at: object.path(of: "max")) }
        guard let ideal, let max else { return nil }
        guard max >= ideal else {
            fail(object.path(of: "max"), object.fields["max"], "is shorter than ideal (\(ideal)d)",
                 hint: "use \"\(ideal)d\" or more, or shorten ideal")
            return nil
        }
        return FollowUp(ideal: ideal, max: max)
    }

    /// `3d`: whole local calendar days.
    mutating func days(_ value: ConfigValue, at path: @autoclosure () -> String) -> Int? {
        if case .string(let s) = value, let n = FollowUp.days(s) { return n }
        fail(path(), value, "is not a number of days",
             hint: "use a whole number of days from 0 to \(FollowUp.longestDays) and d, e.g. \"3d\" (days count at local midnight)")
        return nil
    }
}
