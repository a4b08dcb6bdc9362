import Foundation
import SalesSchedule

/// A wake's due reminders, dealt with a slice of actions at a time in action order, so that
/// the daemon answers calls between slices. Until an action's slice comes, every occurrence of
/// it in the window is still owed: nothing of it is recorded or announced yet.
struct DueWake: Sendable {
    /// The window: occurrences after `start`, up to and including `now`.
    let start: Date
    let now: Date
    /// The actions (and `@morning`, `@review`, follow-ups) not dealt with yet, in id order.
    var actions: ArraySlice<String>
    /// Most actions dealt with in one slice.
    let slice: Int
    /// Snoozes ending and follow-ups due in the window, each dealt with in its action's slice.
    let extra: [Occurrence]
    /// Today's reminders found too late, told together in one "missed" announcement at the end.
    var gathered: [Occurrence] = []

    var isFinished: Bool { actions.isEmpty }

    /// The next slice's actions, taken off those left.
    mutating func nextSlice() -> ArraySlice<String> {
        let next = actions.prefix(slice)
        actions = actions.dropFirst(slice)
        return next
    }
}
