import SalesSchedule

extension Engine {
    /// What a reminder is called for people: its action's title, or the prompt's own name.
    public func title(of occurrence: Occurrence) -> String {
        switch occurrence.kind {
        case .morning: "What's the next step?"
        case .review: "Weekly review"
        case .followUps: "Follow-ups due"
        default: plan.action(id: occurrence.action)?.title ?? occurrence.action
        }
    }
}
