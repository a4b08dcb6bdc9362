extension Plan {
    /// `event` as this plan names its action: a former id becomes the current one.
    public func renamed(_ event: Event) -> Event {
        guard !renames.isEmpty, let action = event.action, let current = renames[action] else { return event }
        var renamed = event
        renamed.action = current
        return renamed
    }

    /// This plan with the actions `renames` names by a former id called by their current one,
    /// so an older plan version scores the history under the ids in use now.
    public func renamingActions(_ renames: [String: String]) -> Plan {
        guard !renames.isEmpty, actions.contains(where: { renames[$0.id] != nil }) else { return self }
        var plan = self
        let present = Set(actions.map(\.id))
        plan.actions = actions.map { action in
            guard let current = renames[action.id], !present.contains(current) else { return action }
            var renamed = action
            renamed.id = current
            return renamed
        }
        return plan
    }
}
