import SalesContract
import SalesPlan

/// The ledger's events that matter to the scoreboard, indexed by day, with undone events removed.
public struct LedgerIndex: Sendable {
    private(set) var done: [LocalDay: [String: Int]] = [:]
    private(set) var skipped: [LocalDay: Set<String>] = [:]
    private(set) var daysOff: Set<LocalDay> = []
    private(set) var results: [LocalDay: [Event]] = [:]

    init(_ events: [Event]) {
        // An undo cancels the event it refers to, whatever its kind, so a mistaken skip,
        // day off or result disappears from every figure just like a mistaken done.
        let cancelled = Set(events.filter { $0.kind == .undo }.compactMap(\.ref))
        for event in events {
            if let id = event.id, cancelled.contains(id) { continue }
            switch event.kind {
            case .done:
                guard let action = event.action else { continue }
                done[event.day, default: [:]][action, default: 0] += event.count ?? 1
            case .skip:
                guard let action = event.action else { continue }
                skipped[event.day, default: []].insert(action)
            case .dayOff:
                daysOff.insert(event.day)
            case .result:
                addResult(event)
            case .undo, .snooze, .reminder, .missed, .plan, .commitment, .commitmentKept:
                continue
            }
        }
    }

    /// An index of what is left once undone events are taken out, already counted per day: the
    /// ledger's per-day totals, without an event per done.
    ///
    /// - Parameters:
    ///   - done: done counts per day and action.
    ///   - skipped: the actions skipped each day.
    ///   - daysOff: the days recorded off.
    ///   - results: result events, in the order their values add up; other kinds are ignored.
    public init(done: [LocalDay: [String: Int]], skipped: [LocalDay: Set<String>], daysOff: Set<LocalDay>,
                results: [Event]) {
        self.done = done
        self.skipped = skipped
        self.daysOff = daysOff
        for event in results where event.kind == .result { addResult(event) }
    }

    private mutating func addResult(_ event: Event) {
        guard event.resultKind != nil else { return }
        results[event.day, default: []].append(event)
    }
}
