import Foundation
import SalesPlan

/// The ledger as the SQLite one behaves, in memory, for tests: events get ids in order, and a
/// reminder's (action, day, slot) is recorded once ever; a second record is refused and kept
/// in ``duplicates`` so a test can tell the engine asked twice.
public final class MemoryReminderLedger: ReminderLedger {
    public private(set) var events: [Event]
    /// Reminder records refused because the same one was recorded before.
    public private(set) var duplicates: [Event] = []
    /// When set, every reminder record fails with this error (a locked or lost ledger).
    public var failure: (any Error)?
    private var recorded: Set<String> = []

    public init(events: [Event] = []) {
        self.events = events
        for event in events where event.kind == .reminder || event.kind == .missed { recorded.insert(Self.key(event)) }
    }

    /// Records any event and returns it with its id.
    @discardableResult
    public func append(_ event: Event) -> Event {
        var stored = event
        stored.id = Int64(events.count + 1)
        events.append(stored)
        return stored
    }

    public func recordReminders(_ events: [Event], then done: @escaping (Result<[Bool], any Error>) -> Void) {
        if let failure { return done(.failure(failure)) }
        done(.success(events.map { event in
            guard recorded.insert(Self.key(event)).inserted else {
                duplicates.append(event)
                return false
            }
            append(event)
            return true
        }))
    }

    private static func key(_ event: Event) -> String { "\(event.action ?? "")|\(event.day)|\(event.slot ?? "")" }
}
