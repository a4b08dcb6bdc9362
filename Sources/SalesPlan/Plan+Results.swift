extension Plan {
    /// The result kind with this id, if the plan tracks it.
    public func result(id: String) -> ResultKind? { results.first { $0.id == id } }

    /// The tracked result kind a mistyped id most likely meant (`clinet` → `client`).
    public func closestResult(to id: String) -> String? { ClosestMatch.find(id, in: results.map(\.id)) }

    /// The action id a mistyped one most likely meant.
    public func closestAction(to id: String) -> String? { ClosestMatch.find(id, in: actions.map(\.id)) }
}
