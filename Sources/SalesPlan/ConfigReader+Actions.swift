extension ConfigReader {
    static let actionKeys = ["id", "step", "title", "target", "days", "at", "repeat", "until", "formerly", "skipBudget", "targets"]

    /// Reads the actions that are well formed; every other problem is recorded as an error.
    ///
    /// - Parameter stepIDs: the step ids written in the config, or nil when they are unknown
    ///   (then `step` references are not checked, to avoid an error per action for one mistake).
    mutating func actions(_ value: ConfigValue, at path: String, stepIDs: [String]?) -> [PlanAction]? {
        guard let items = array(value, at: path, example: #"[{"id": "connection-requests", "step": "connect", "title": "Send 5 connection requests"}]"#)
        else { return nil }
        var actions: [PlanAction] = []
        actions.reserveCapacity(items.count)
        var firstIndex: [String: Int] = Dictionary(minimumCapacity: items.count)
        for (i, item) in items.enumerated() {
            if let action = self.action(item, at: "\(path)[\(i)]", stepIDs: stepIDs) {
                // One hash for the common case, a new id; a repeated one gets its first index back.
                if let first = firstIndex.updateValue(i, forKey: action.id) {
                    firstIndex[action.id] = first
                    fail(path + "[\(i)].id", .string(action.id), "is already the id of \(path)[\(first)]",
                         hint: "give each action its own id")
                } else {
                    actions.append(action)
                }
            } else if case .object(let fields) = item, case .string(let id)? = fields["id"], firstIndex[id] == nil {
                // Claim the id of a broken action too, so a copy of it below is still reported.
                firstIndex[id] = i
            }
        }
        checkFormerIDs(actions, indices: firstIndex, at: path)
        return actions
    }

    /// An id an action was formerly known by names no other action, now or formerly.
    ///
    /// - Parameter indices: where in the list each id is first written, for every id written
    ///   (also of actions broken otherwise): so an error names the action's place without a
    ///   search through the list per action, and a former id must not be any of these ids.
    mutating func checkFormerIDs(_ actions: [PlanAction], indices: [String: Int], at path: String) {
        var claimed: [String: String] = [:]
        for action in actions where !action.formerly.isEmpty {
            let index = indices[action.id] ?? 0
            for (j, old) in action.formerly.enumerated() {
                let at = path + "[\(index)].formerly[\(j)]"
                if indices[old] != nil {
                    fail(at, .string(old), "is the id of an action in the plan",
                         hint: "list only ids that are no longer used")
                } else if let other = claimed[old] {
                    fail(at, .string(old), "is already listed as a former id of \"\(other)\"",
                         hint: "history can follow one action only")
                } else {
                    claimed[old] = action.id
                }
            }
        }
    }

    /// One action, or nil after recording what is wrong with it.
    mutating func action(_ value: ConfigValue, at path: String, stepIDs: [String]?) -> PlanAction? {
        guard let object = object(value, at: path, keys: Self.actionKeys,
                                  example: #"{"id": "connection-requests", "step": "connect", "title": "Send 5 connection requests"}"#)
        else { return nil }
        let before = errors.count
        let key = object.path(of:)

        let id = required("id", in: object, hint: #"give the action an id, e.g. "connection-requests""#)
            .flatMap { self.id($0, at: key("id")) }
        let step = required("step", in: object, hint: "name the step this action belongs to")
            .flatMap { stepReference($0, at: key("step"), stepIDs: stepIDs) }
        let title = required("title", in: object, hint: #"say what to do, e.g. "Send 5 connection requests""#)
            .flatMap { text($0, at: key("title"), maxLength: 200) }
        // "target" is a number, or the list of dated targets itself; "targets" is that list
        // beside a number (in force before the list's first day).
        var target: Int?
        var dated: [DatedTarget]?
        if let raw = object.optional("target") {
            if case .array = raw { dated = datedTargets(raw, at: key("target")) }
            else { target = wholeNumber(raw, at: key("target"), in: 1...10_000) }
        }
        if let raw = object.optional("targets") {
            if case .array = object.optional("target") {
                fail(key("targets"), raw, "repeats the dated targets of \"target\"", hint: "keep one list")
            } else {
                dated = datedTargets(raw, at: key("targets"))
            }
        }
        let days = object.optional("days").flatMap { daySpecs($0, at: key("days")) }
        // Each looked up once: the checks below ask about them again.
        let rawAt = object.optional("at"), rawRepeat = object.optional("repeat"), rawUntil = object.optional("until")
        let times = rawAt.flatMap { self.times($0, at: key("at")) }
        let every = rawRepeat.flatMap { duration($0, at: key("repeat"), min: PlanDuration(seconds: 60)) }
        let until = rawUntil.flatMap { time($0, at: key("until")) }
        let formerly = object.optional("formerly").flatMap { formerIDs($0, at: key("formerly")) }
        let skipBudget = object.optional("skipBudget").flatMap { wholeNumber($0, at: key("skipBudget"), in: 0...31) }

        if let raw = rawRepeat, rawAt == nil || times == [] {
            fail(key("repeat"), raw, "only applies with \"at\"",
                 hint: #"add "at": "09:30" for the first reminder, or remove "repeat""#)
        }
        if let raw = rawUntil {
            if rawRepeat == nil {
                fail(key("until"), raw, "only applies with \"repeat\"", hint: #"add "repeat": "1h", or remove "until""#)
            } else if let until, let first = times?.min(), until <= first {
                fail(key("until"), raw, "is not after the first reminder", hint: "use a time later than \"\(first)\"")
            }
        }

        guard errors.count == before, let id, let step, let title else { return nil }
        var action = PlanAction(id: id, step: step, title: title, target: target ?? 1, days: days ?? [.daily],
                                at: times ?? [], repeat: every, until: until)
        action.formerly = formerly ?? []
        action.skipBudget = skipBudget
        action.targets = dated ?? []
        return action
    }

    /// `[{"from": "2026-12-07", "target": 8}]`: each from a week start (the plan's `weekStart`),
    /// the days in increasing order.
    mutating func datedTargets(_ value: ConfigValue, at path: @autoclosure () -> String) -> [DatedTarget]? {
        let example = #"[{"from": "2026-12-07", "target": 8}]"#
        guard let items = array(value, at: path(), example: example) else { return nil }
        let before = errors.count
        var out: [DatedTarget] = []
        for (i, item) in items.enumerated() {
            let at = path() + "[\(i)]"
            guard let object = object(item, at: at, keys: ["from", "target"], example: #"{"from": "2026-12-07", "target": 8}"#)
            else { continue }
            let from = required("from", in: object, hint: #"add "from": "YYYY-MM-DD", the week start it applies from"#)
                .flatMap { date($0, at: object.path(of: "from")) }
            let target = required("target", in: object, hint: #"add "target": 8"#)
                .flatMap { wholeNumber($0, at: object.path(of: "target"), in: 1...10_000) }
            guard let from, let target else { continue }
            if from.weekday != weekStart {
                let next = from.adding(days: (weekStart.rawValue - from.weekday.rawValue + 7) % 7)
                fail(object.path(of: "from"), .string(from.description),
                     "is a \(from.weekday.fullName); a target changes at a week start (weekStart \(weekStart))",
                     hint: "use \"\(next)\"")
            } else if let last = out.last, from <= last.from {
                fail(object.path(of: "from"), .string(from.description), "is not after \(last.from)",
                     hint: "list the dated targets oldest first, each day once")
            } else {
                out.append(DatedTarget(from: from, target: target))
            }
        }
        return errors.count == before ? out : nil
    }

    /// `["old-id"]`: the ids an action had before it was renamed, so its history follows it.
    mutating func formerIDs(_ value: ConfigValue, at path: @autoclosure () -> String) -> [String]? {
        guard let items = array(value, at: path(), example: #"["old-id"]"#) else { return nil }
        let before = errors.count
        var ids: [String] = []
        for (i, item) in items.enumerated() {
            guard let id = id(item, at: path() + "[\(i)]") else { continue }
            if ids.contains(id) { fail(path() + "[\(i)]", item, "is listed twice", hint: "remove one") } else { ids.append(id) }
        }
        return errors.count == before ? ids : nil
    }

    mutating func stepReference(_ value: ConfigValue, at path: @autoclosure () -> String, stepIDs: [String]?) -> String? {
        guard let step = string(value, at: path()) else { return nil }
        guard let stepIDs, !stepIDs.contains(step) else { return step }
        if let guess = ClosestMatch.find(step, in: stepIDs) {
            fail(path(), value, "is not a step", hint: "did you mean \"\(guess)\"?")
        } else {
            let listed = stepIDs.filter { ConfigReader.slug($0) == $0 }
            fail(path(), value, "is not a step", hint: listed.isEmpty
                ? "add it to \"steps\" first, e.g. {\"id\": \"\(ConfigReader.slug(step))\", \"name\": \"…\"}"
                : "use one of the steps: " + listed.joined(separator: ", "))
        }
        return nil
    }

    /// `"weekdays"` or `["mon", "2026-12-24"]`.
    mutating func daySpecs(_ value: ConfigValue, at path: @autoclosure () -> String) -> [DaySpec]? {
        switch value {
        case .string:
            return daySpec(value, at: path()).map { [$0] }
        case .array(let items):
            if items.isEmpty {
                fail(path(), value, "is empty", hint: #"use e.g. ["weekdays"], or leave "days" out for every day"#)
                return nil
            }
            let before = errors.count
            let specs = items.enumerated().compactMap { daySpec($1, at: path() + "[\($0)]") }
            return errors.count == before ? specs : nil
        default:
            fail(path(), value, "is not a list of days", hint: #"use e.g. ["weekdays"] or "mon""#)
            return nil
        }
    }

    /// `"09:30"` or `["09:30", "14:00"]`; each time at most once.
    mutating func times(_ value: ConfigValue, at path: @autoclosure () -> String) -> [LocalTime]? {
        guard case .array(let items) = value else { return time(value, at: path()).map { [$0] } }
        let before = errors.count
        var times: [LocalTime] = []
        for (i, item) in items.enumerated() {
            guard let time = time(item, at: path() + "[\(i)]") else { continue }
            if times.contains(time) {
                fail(path() + "[\(i)]", item, "is listed twice", hint: "remove one")
            } else {
                times.append(time)
            }
        }
        return errors.count == before ? times : nil
    }
}
