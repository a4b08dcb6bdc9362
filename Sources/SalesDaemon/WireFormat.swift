import Foundation
import SalesContract
import SalesEngine
import SalesPlan

/// Turns engine values into the contract's wire types (see `ControlInterface`), with times in
/// the plan's zone.
struct WireFormat {
    let timeZone: TimeZone

    /// `2026-11-27T09:30:00+01:00` (`Z` in UTC).
    func time(_ date: Date) -> String { Timestamp.local(date, in: timeZone) }

    func state(_ s: ActionState) -> ActionProgress {
        ActionProgress(
            action: s.action.id, step: s.action.step, stepName: s.step.name, title: s.action.title, done: s.done,
            target: s.target, state: s.state,
            at: s.action.at.map(\.description), next: s.next.map(time))
    }

    func event(_ e: Event) -> RecordedEvent {
        RecordedEvent(
            id: e.id ?? 0, kind: e.kind.rawValue, at: time(e.at), day: e.day.description, action: e.action,
            count: e.count, note: e.note, until: e.until.map(time), resultKind: e.resultKind, value: e.value,
            source: e.source)
    }

    func announcement(_ a: Announcement, at now: Date) -> WatchEvent {
        WatchEvent(
            kind: a.kind.rawValue, message: a.message, day: a.day?.description, action: a.action, step: a.step,
            title: a.title, count: a.count, done: a.done, target: a.target, scheduled: a.scheduled.map(time),
            latenessMs: a.latenessMs, late: a.late, at: time(now))
    }
}
