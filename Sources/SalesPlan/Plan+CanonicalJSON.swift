extension Plan {
    /// The whole plan, defaults written out, as pretty JSON with sorted keys.
    ///
    /// The text is stable for a given plan and parses back to an equal plan, so the ledger can
    /// store it to score past days against the plan in force then.
    public func canonicalJSON() -> String {
        var root: [String: ConfigValue] = [
            "version": .integer(version),
            "snooze": .string(snooze.description),
            "grace": .string(grace.description),
            "weekStart": .string(weekStart.description),
            "backfillDays": .integer(backfillDays),
            "steps": .array(steps.map(\.json)),
            "actions": .array(actions.map(\.json)),
            "daysOff": .array(daysOff.map { .string($0.description) }),
            "results": .array(results.map(\.json)),
            "notifications": .object([
                "enabled": .bool(notifications.enabled),
                "urgency": .string(notifications.urgency.rawValue),
            ]),
        ]
        // Written only when set: the default names kinds a plan's own results may lack.
        if won != WonResults() {
            root["won"] = .object(["count": .string(won.count), "value": won.value.map(ConfigValue.string) ?? .null])
        }
        if journalNames { root["journalNames"] = .bool(true) }
        // Absent means "none" (or "the system's zone"); there is no default to write out.
        if let timeZone { root["timeZone"] = .string(timeZone) }
        if let skipBudget { root["skipBudget"] = .integer(skipBudget) }
        if let morningPrompt { root["morningPrompt"] = .string(morningPrompt.description) }
        if let weeklyReview {
            root["weeklyReview"] = .object(["day": .string(weeklyReview.day.description),
                                            "at": .string(weeklyReview.at.description)])
        }
        return ConfigValue.object(root).pretty() + "\n"
    }
}

extension Step {
    var json: ConfigValue {
        var fields: [String: ConfigValue] = ["id": .string(id), "name": .string(name)]
        if let why { fields["why"] = .string(why) }
        if let followUp {
            fields["followUp"] = .object(["ideal": .string("\(followUp.ideal)d"), "max": .string("\(followUp.max)d")])
        }
        return .object(fields)
    }
}

extension ResultKind {
    var json: ConfigValue {
        .object(["id": .string(id), "name": .string(name), "unit": .string(unit.description)])
    }
}

extension PlanAction {
    var json: ConfigValue {
        var fields: [String: ConfigValue] = [
            "id": .string(id),
            "step": .string(step),
            "title": .string(title),
            "target": .integer(target),
            "days": .array(days.map { .string($0.description) }),
            "at": .array(at.map { .string($0.description) }),
        ]
        if let `repeat` { fields["repeat"] = .string(`repeat`.description) }
        if let until { fields["until"] = .string(until.description) }
        if !formerly.isEmpty { fields["formerly"] = .array(formerly.map { .string($0) }) }
        if let skipBudget { fields["skipBudget"] = .integer(skipBudget) }
        if !targets.isEmpty {
            fields["targets"] = .array(targets.map { .object(["from": .string($0.from.description), "target": .integer($0.target)]) })
        }
        return .object(fields)
    }
}
