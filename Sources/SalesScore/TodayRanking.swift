import SalesContract
import SalesPlan

/// The order of today's actions for `today` and `next`: what is due soonest, then what is furthest behind.
public enum TodayRanking {
    /// Ranks today's actions.
    ///
    /// Unfinished actions come first, by next reminder time (actions without one after those with
    /// one), then by their step's pace this week (most behind first), then in plan order. Finished
    /// actions follow in plan order.
    /// - Parameters:
    ///   - states: today's actions as the daemon sees them.
    ///   - plan: the plan in force today (for each action's step and the plan order).
    ///   - paceByStep: this week's pace per step id (``Scoreboard/paceByStep``); a missing step counts as on pace.
    public static func rank(_ states: [TodayActionState], plan: Plan, paceByStep: [String: Int]) -> [TodayActionState] {
        let order = Dictionary(plan.actions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        func pace(_ state: TodayActionState) -> Int {
            plan.action(id: state.action).flatMap { paceByStep[$0.step] } ?? 0
        }
        func position(_ state: TodayActionState) -> Int { order[state.action] ?? Int.max }
        return states.sorted { a, b in
            if a.finished != b.finished { return !a.finished }
            if a.finished { return (position(a), a.action) < (position(b), b.action) }
            let timeA = a.nextAt?.secondsSinceMidnight ?? Int.max
            let timeB = b.nextAt?.secondsSinceMidnight ?? Int.max
            return (timeA, pace(a), position(a), a.action) < (timeB, pace(b), position(b), b.action)
        }
    }
}
