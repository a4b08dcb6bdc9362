import Foundation
import SalesContract
import SalesLedger
import SalesPlan
import SalesSchedule
import SalesScore

/// Builds the scoreboard from the ledger: the plan versions in force over time and the events
/// of the weeks shown (plus enough history for the streak).
public enum ScoreboardQuery {
    /// How far back events are read for the streak, beyond the weeks shown.
    static let streakHistoryDays = 120

    ///
    /// - Parameter recorded: the plan versions the ledger records, when the caller holds them
    ///   already (the daemon keeps them parsed); nil reads and parses them from the ledger.
    public static func compute(
        ledger: Ledger, plan: Plan, calendar: ZoneCalendar, now: Date, weeks: Int, recorded: [PlanVersion]? = nil
    ) throws(LedgerError) -> (scoreboard: Scoreboard, versions: [PlanVersion])
    {
        let today = calendar.day(of: now)
        let start = today.startOfWeek(weekStart: plan.weekStart).adding(days: -7 * weeks)
        let earliest = min(start, today.adding(days: -streakHistoryDays))
        // From the first of that month: a skip budget is spent from the month's first skip on.
        let first = LocalDay(year: earliest.year, month: earliest.month, day: 1) ?? earliest
        // A renamed action (its "formerly" ids) keeps its history: events and older plan
        // versions are read under the ids in use now. Results count only in the weeks shown.
        let scored = try ledger.scoredDays(
            from: first, through: today.adding(days: 366), resultsFrom: start, renames: plan.renames)
        let inLedger: [PlanVersion]
        if let recorded {
            inLedger = recorded
        } else {
            inLedger = PlanVersion.fromLedger(try ledger.plans()) { try? Plan.parse(Data($0.utf8)) }
        }
        var versions = PlanVersion.renaming(inLedger, by: plan)
        if versions.isEmpty { versions = [PlanVersion(effectiveFrom: today, plan: plan)] }
        let board = Scoreboard.compute(
            versions: versions,
            index: LedgerIndex(done: scored.done, skipped: scored.skipped, daysOff: scored.daysOff, results: scored.results),
            today: today, now: calendar.time(of: now), weeks: weeks,
            weekStart: plan.weekStart)
        return (board, versions)
    }
}
