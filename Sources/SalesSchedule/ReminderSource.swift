import SalesPlan

/// One thing the plan reminds of: an action, the morning prompt or the weekly review, with the
/// days it is planned on and the times of such a day.
struct ReminderSource: Sendable {
    enum Days: Sendable {
        case everyDay
        case weekday(Weekday)
        /// An action's `days`: only these, not the whole action, so a source stays cheap to copy.
        case action([DaySpec])
    }

    var kind: Occurrence.Kind
    var action: String
    var days: Days
    var pattern: TimePattern

    func isPlanned(on day: LocalDay) -> Bool {
        switch days {
        case .everyDay: true
        case .weekday(let weekday): day.weekday == weekday
        case .action(let specs): specs.contains { $0.matches(day) }
        }
    }

    /// The plan's sources: the morning prompt, the weekly review, then the actions in plan order.
    static func all(of plan: Plan) -> [ReminderSource] {
        var sources: [ReminderSource] = []
        sources.reserveCapacity(plan.actions.count + 2)
        if let prompt = plan.morningPrompt {
            sources.append(ReminderSource(kind: .morning, action: Occurrence.morningAction, days: .everyDay,
                                          pattern: TimePattern(at: [prompt])))
        }
        if let review = plan.weeklyReview {
            sources.append(ReminderSource(kind: .review, action: Occurrence.reviewAction, days: .weekday(review.day),
                                          pattern: TimePattern(at: [review.at])))
        }
        for action in plan.actions {
            sources.append(ReminderSource(kind: .action, action: action.id, days: .action(action.days), pattern: TimePattern(action)))
        }
        return sources
    }
}
