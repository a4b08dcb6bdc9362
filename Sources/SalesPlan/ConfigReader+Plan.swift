import Foundation

extension ConfigReader {
    static let planKeys = [
        "version", "timeZone", "morningPrompt", "weeklyReview", "snooze", "grace", "weekStart",
        "backfillDays", "steps", "actions", "results", "won", "journalNames", "daysOff", "notifications", "skipBudget",
    ]

    /// Reads a whole plan; nil when anything is wrong (the errors say what).
    mutating func plan(_ root: ConfigValue) -> Plan? {
        guard let object = object(root, at: "", keys: Self.planKeys,
                                  example: #"{"version": 1, "steps": […], "actions": […]}"#) else { return nil }
        let path = object.path(of:)

        if let raw = required("version", in: object, hint: #"add "version": 1"#),
           raw.numberValue != Double(Plan.currentVersion) {
            fail(path("version"), raw, "is not a supported version",
                 hint: "this salesd reads \"version\": \(Plan.currentVersion)")
        }
        let timeZone = object.optional("timeZone").flatMap { zone($0, at: path("timeZone")) }
        let morningPrompt = object.optional("morningPrompt").flatMap { time($0, at: path("morningPrompt")) }
        let weeklyReview = object.optional("weeklyReview").flatMap { review($0, at: path("weeklyReview")) }
        let snooze = object.optional("snooze").flatMap { duration($0, at: path("snooze")) }
        let grace = object.optional("grace").flatMap { duration($0, at: path("grace")) }
        let weekStart = object.optional("weekStart").flatMap { weekday($0, at: path("weekStart")) }
        let backfill = object.optional("backfillDays").flatMap { wholeNumber($0, at: path("backfillDays"), in: 0...366) }
        self.weekStart = weekStart ?? .mon
        let rawSteps = required("steps", in: object, hint: #"add "steps": [{"id": "connect", "name": "Connect"}, …]"#)
        let steps = rawSteps.flatMap { self.steps($0, at: path("steps")) }
        let actions = required("actions", in: object, hint: #"add "actions": [], then list what to do each day"#)
            .flatMap { self.actions($0, at: path("actions"), stepIDs: rawSteps.flatMap(Self.stepIDs)) }
        let results = object.optional("results").flatMap { self.results($0, at: path("results")) }
        let daysOff = object.optional("daysOff").flatMap { daysOffList($0, at: path("daysOff")) }
        let skipBudget = object.optional("skipBudget").flatMap { wholeNumber($0, at: path("skipBudget"), in: 0...31) }
        let won = object.optional("won").flatMap { self.won($0, at: path("won"), results: results ?? ResultKind.defaults) }
        let journalNames = object.optional("journalNames").flatMap { bool($0, at: path("journalNames")) }
        let notifications = object.optional("notifications").flatMap { self.notifications($0, at: path("notifications")) }

        // Every reader records an error when it returns nil, so no errors means every part is here.
        guard errors.isEmpty, let steps, let actions else { return nil }
        var plan = Plan(timeZone: timeZone, morningPrompt: morningPrompt, weeklyReview: weeklyReview,
                        steps: steps, actions: actions, daysOff: daysOff ?? [])
        if let snooze { plan.snooze = snooze }
        if let grace { plan.grace = grace }
        if let weekStart { plan.weekStart = weekStart }
        if let backfill { plan.backfillDays = backfill }
        if let notifications { plan.notifications = notifications }
        if let results { plan.results = results }
        plan.skipBudget = skipBudget
        if let won { plan.won = won }
        if let journalNames { plan.journalNames = journalNames }
        return plan
    }

    /// The step ids written in `steps`, even when other parts of a step are wrong, so actions can
    /// still be checked against them; nil when a step has no id at all, since any action could
    /// have meant that one (its error is reported already).
    static func stepIDs(_ steps: ConfigValue) -> [String]? {
        guard case .array(let items) = steps else { return nil }
        var ids: [String] = []
        for item in items {
            guard case .object(let fields) = item, case .string(let id)? = fields["id"] else { return nil }
            ids.append(id)
        }
        return ids
    }

    /// An IANA zone name this system knows.
    mutating func zone(_ value: ConfigValue, at path: @autoclosure () -> String) -> String? {
        guard let name = string(value, at: path()) else { return nil }
        // Bound the input: a zone name is short, and the lookup may touch the file system.
        if name.utf8.count <= 64, !name.contains(".."), TimeZone(identifier: name) != nil { return name }
        if let guess = ClosestMatch.find(name, in: TimeZone.knownTimeZoneIdentifiers) {
            fail(path(), value, "is not a known time zone", hint: "did you mean \"\(guess)\"?")
        } else {
            fail(path(), value, "is not a known time zone",
                 hint: "use an IANA name such as \"Europe/London\", or leave it out to follow the system's zone")
        }
        return nil
    }

    mutating func review(_ value: ConfigValue, at path: String) -> WeeklyReview? {
        guard let object = object(value, at: path, keys: ["day", "at"], example: #"{"day": "fri", "at": "16:00"}"#)
        else { return nil }
        let day = required("day", in: object, hint: #"add "day": "fri""#).flatMap { weekday($0, at: object.path(of: "day")) }
        let at = required("at", in: object, hint: #"add "at": "16:00""#).flatMap { time($0, at: object.path(of: "at")) }
        guard let day, let at else { return nil }
        return WeeklyReview(day: day, at: at)
    }

    mutating func dates(_ value: ConfigValue, at path: String) -> [LocalDay]? {
        guard let items = array(value, at: path, example: #"["2026-12-24", "2026-12-25"]"#) else { return nil }
        var days: [LocalDay] = []
        var ok = true
        for (i, item) in items.enumerated() {
            if let day = date(item, at: path + "[\(i)]") { days.append(day) } else { ok = false }
        }
        return ok ? days : nil
    }

    /// Dates and ranges `"2026-12-24..2027-01-02"` (both ends included), each range written out
    /// day by day where it stands.
    mutating func daysOffList(_ value: ConfigValue, at path: String) -> [LocalDay]? {
        guard let items = array(value, at: path, example: #"["2026-12-24", "2026-12-27..2027-01-02"]"#) else { return nil }
        var days: [LocalDay] = []
        var ok = true
        for (i, item) in items.enumerated() {
            let at = path + "[\(i)]"
            guard case .string(let text) = item, text.contains("..") else {
                if let day = date(item, at: at) { days.append(day) } else { ok = false }
                continue
            }
            let ends = text.components(separatedBy: "..")
            guard ends.count == 2, let first = LocalDay(iso: ends[0]), let last = LocalDay(iso: ends[1]) else {
                fail(at, item, "is not a date range", hint: #"use FIRST..LAST, e.g. "2026-12-24..2027-01-02""#)
                ok = false
                continue
            }
            guard first <= last, first.days(to: last) < 366 else {
                fail(at, item, first > last ? "ends before it starts" : "is longer than a year",
                     hint: first > last ? "write the earlier day first" : "split it, or use ctl off for a long leave")
                ok = false
                continue
            }
            for n in 0...first.days(to: last) { days.append(first.adding(days: n)) }
        }
        return ok ? days : nil
    }

    mutating func notifications(_ value: ConfigValue, at path: String) -> NotificationSettings? {
        guard let object = object(value, at: path, keys: ["enabled", "urgency"],
                                  example: #"{"enabled": true, "urgency": "normal"}"#) else { return nil }
        var settings = NotificationSettings()
        var ok = true
        if let raw = object.optional("enabled") {
            if let enabled = bool(raw, at: object.path(of: "enabled")) { settings.enabled = enabled } else { ok = false }
        }
        if let raw = object.optional("urgency") {
            if case .string(let s) = raw, let urgency = NotificationSettings.Urgency(rawValue: s) {
                settings.urgency = urgency
            } else {
                fail(object.path(of: "urgency"), raw, "is not an urgency", hint: "use low, normal or critical")
                ok = false
            }
        }
        return ok ? settings : nil
    }

    /// `{"count": "client", "value": "revenue"}`: the result kinds `ctl won` records; both must
    /// be among the plan's results; `"value": null` records no value.
    mutating func won(_ value: ConfigValue, at path: String, results: [ResultKind]) -> WonResults? {
        guard let object = object(value, at: path, keys: ["count", "value"],
                                  example: #"{"count": "client", "value": "revenue"}"#) else { return nil }
        var won = WonResults()
        var ok = true
        let known = results.map(\.id)
        func kind(_ key: String) -> String? {
            guard let raw = object.optional(key), let id = self.id(raw, at: object.path(of: key)) else { return nil }
            guard known.contains(id) else {
                fail(object.path(of: key), raw, "is not one of the plan's results",
                     hint: ClosestMatch.find(id, in: known).map { "did you mean \"\($0)\"?" }
                         ?? "use one of " + known.joined(separator: ", "))
                return nil
            }
            return id
        }
        if object.fields["count"] != nil {
            if let id = kind("count") { won.count = id } else { ok = false }
        } else if !known.contains(won.count) {
            fail(object.path(of: "count"), nil, "is missing", hint: "the plan has no \"client\" result: name the one a won person counts as")
            ok = false
        }
        if let raw = object.fields["value"] {
            if raw == .null { won.value = nil } else if let id = kind("value") { won.value = id } else { ok = false }
        }
        return ok ? won : nil
    }
}
