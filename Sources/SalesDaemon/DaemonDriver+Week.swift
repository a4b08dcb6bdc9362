import Foundation
import SalesControl
import SalesEngine
import SalesPlan
import SalesScore

extension DaemonDriver {
    /// The scoreboard of the last `weeks` weeks as the `Week` reply's object (with a `text`
    /// rendering for `salesd ctl week`).
    func scoreboard(weeks: Int, now: Date) throws -> JSONValue {
        let board = try ScoreboardQuery.compute(
            ledger: ledger, plan: engine.plan, calendar: engine.calendar, now: now, weeks: weeks
        ).scoreboard
        return try JSONValue(decoding: ScoreboardJSON.encode(board))
    }
}
