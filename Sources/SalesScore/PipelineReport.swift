import SalesContract
import SalesPlan

/// The pipeline of a plan's steps: the people at each step now, and how people who entered a
/// step in the last weeks moved on from it.
public enum PipelineReport {
    /// - Parameters:
    ///   - weeks: the window, in weeks of 7 days ending on `today` (its first day is `from`).
    public static func compute(plan: Plan, book: PersonBook, today: LocalDay, weeks: Int) -> PipelineCall.Reply {
        let from = today.adding(days: -(7 * weeks - 1))
        let window = from...today
        let index = Dictionary(plan.steps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var entered = Array(repeating: 0, count: plan.steps.count)
        var advanced = entered
        var stays: [[Int]] = Array(repeating: [], count: plan.steps.count)
        var won = 0, lost = 0

        let byPerson = Dictionary(grouping: book.history, by: \.person)
        for (_, events) in byPerson {
            for (i, event) in events.enumerated() {
                if event.kind == .won, window.contains(event.day) { won += 1 }
                if event.kind == .lost, window.contains(event.day) { lost += 1 }
                guard event.kind == .added || event.kind == .moved, let step = event.step, let k = index[step],
                      window.contains(event.day) else { continue }
                entered[k] += 1
                let later = events[(i + 1)...]
                if later.contains(where: { $0.kind == .won || (isEntry($0) && (index[$0.step ?? ""] ?? -1) > k) }) {
                    advanced[k] += 1
                }
                let leaves = later.first { isEntry($0) || $0.kind == .won || $0.kind == .lost }
                stays[k].append((leaves?.day ?? today).daysSinceEpoch - event.day.daysSinceEpoch)
            }
        }

        let urgent = book.byUrgency(plan: plan, today: today)
        let steps = plan.steps.enumerated().map { k, step in
            let here = urgent.filter { $0.step == step.id }
            return PipelineStep(
                step: step.id, name: step.name, count: here.count,
                people: here.map { PersonRecord($0, plan: plan, today: today) },
                entered: entered[k], advanced: advanced[k],
                conversion: entered[k] == 0 ? nil : Double(advanced[k]) / Double(entered[k]),
                medianDays: median(stays[k]))
        }
        return PipelineCall.Reply(today: today.description, weeks: weeks, from: from.description, steps: steps,
                                  won: won, lost: lost, leadToLag: leadToLag(plan: plan, book: book, today: today, weeks: 12),
                                  leadToLagWeeks: 12)
    }

    /// Per step: the touches of people while they were at it in the last `weeks` weeks, and the
    /// people won in those weeks (touches per client won: what it takes, at each step, to win one).
    public static func leadToLag(plan: Plan, book: PersonBook, today: LocalDay, weeks: Int) -> [LeadToLagStep] {
        let window = today.adding(days: -(7 * weeks - 1))...today
        var touches: [String: Int] = [:]
        var won = 0
        for (_, events) in Dictionary(grouping: book.history, by: \.person) {
            var step: String?
            for event in events {
                if isEntry(event) { step = event.step }
                guard window.contains(event.day) else { continue }
                if event.kind == .touched, let step { touches[step, default: 0] += 1 }
                if event.kind == .won { won += 1 }
            }
        }
        return plan.steps.map { step in
            let n = touches[step.id] ?? 0
            return LeadToLagStep(step: step.id, name: step.name, touches: n, won: won,
                                 touchesPerClient: won == 0 ? nil : Double(n) / Double(won))
        }
    }

    private static func isEntry(_ event: PersonEvent) -> Bool { event.kind == .added || event.kind == .moved }

    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
    }
}
