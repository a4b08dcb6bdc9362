import Foundation
import SalesControl
import SalesEngine
import SalesPlan

extension DaemonDriver {
    /// The scoreboard of the last `weeks` weeks, derived from the ledger.
    func scoreboard(weeks: Int, now: Date) throws -> JSONValue {
        let today = engine.calendar.day(of: now)
        let start = today.startOfWeek(weekStart: engine.plan.weekStart).adding(days: -7 * (weeks - 1))
        let events = try ledger.events(from: start, through: today)
        var doneByAction: [String: Int] = [:]
        var undone = Set(events.filter { $0.kind == .undo }.compactMap(\.ref))
        for e in events where e.kind == .done && !undone.contains(e.id ?? -1) {
            doneByAction[e.action ?? "", default: 0] += e.count ?? 1
        }
        undone.removeAll()
        let steps = engine.plan.steps.map { step -> JSONValue in
            let done = engine.plan.actions.filter { $0.step == step.id }.reduce(0) { $0 + (doneByAction[$1.id] ?? 0) }
            return .object(["step": .string(step.id), "name": .string(step.name), "done": .int(Int64(done))])
        }
        return .object(["from": .string(start.description), "through": .string(today.description), "steps": .array(steps)])
    }
}
