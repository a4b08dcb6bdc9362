import SalesContract
import SalesPlan

/// The ledger's events that matter to the scoreboard, indexed by day, with undone events removed.
struct LedgerIndex {
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
                guard event.resultKind != nil else { continue }
                results[event.day, default: []].append(event)
            case .undo, .snooze, .reminder, .missed, .plan, .commitment, .commitmentKept:
                continue
            }
        }
    }
}
