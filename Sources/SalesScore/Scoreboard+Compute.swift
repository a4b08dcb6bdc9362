import SalesContract
import SalesPlan

extension Scoreboard {
    /// The week that contains today.
    public var currentWeek: WeekScore { weeks[weeks.count - 1] }

    /// This week's pace per step id, for ``TodayRanking``.
    public var paceByStep: [String: Int] {
        Dictionary(currentWeek.steps.map { ($0.step, $0.pace) }, uniquingKeysWith: { first, _ in first })
    }

    /// Computes the scoreboard.
    ///
    /// - Parameters:
    ///   - versions: the plan versions in force over time (any order; on the same day the later one wins).
    ///   - events: the ledger; done, undo, skip, day-off and result events are read, the rest ignored.
    ///   - today: the local day now.
    ///   - now: the local time now; today's actions count as expected once their first reminder time passed.
    ///   - weeks: how many weeks to show, ending with the current one (at least 1).
    ///   - weekStart: first day of the week; default: the plan in force today's, else Monday.
    public static func compute(
        versions: [PlanVersion], events: [Event], today: LocalDay, now: LocalTime, weeks: Int,
        weekStart: Weekday? = nil
    ) -> Scoreboard {
        compute(versions: versions, index: LedgerIndex(events), today: today, now: now, weeks: weeks, weekStart: weekStart)
    }

    /// Computes the scoreboard from what is already indexed per day (see ``compute(versions:events:today:now:weeks:weekStart:)``).
    public static func compute(
        versions: [PlanVersion], index: LedgerIndex, today: LocalDay, now: LocalTime, weeks: Int,
        weekStart: Weekday? = nil
    ) -> Scoreboard {
        let calculator = ScoreCalculator(history: PlanHistory(versions), index: index, today: today, now: now)
        let start = weekStart ?? calculator.history.plan(on: today)?.weekStart ?? .mon
        let current = today.startOfWeek(weekStart: start)
        let count = max(1, weeks)
        let weekScores = (0..<count).reversed().map { calculator.week(startingOn: current.adding(days: -7 * $0)) }
        return Scoreboard(
            today: today.description, now: now.description, weekStart: start.description,
            streak: calculator.streak(), weeks: weekScores
        )
    }
}
