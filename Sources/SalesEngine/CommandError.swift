import SalesPlan

/// Why the engine refused a command; every case says what to do instead.
public enum CommandError: Error, Hashable, Sendable, CustomStringConvertible {
    case noSuchAction(String, known: [String])
    case nothingToUndo(action: String?, day: LocalDay? = nil)
    /// The id names a step: a step is worked through its actions, which are listed.
    case stepIsNotAnAction(step: String, actions: [String])
    /// A result kind the plan does not track.
    case noSuchResultKind(String, known: [String], closest: String?)
    case invalidArgument(parameter: String, value: String, message: String)
    /// A snooze that would postpone nothing: the action is not yet due before `until` (plan's zone).
    case nothingToSnooze(action: String, until: LocalTime)

    public var description: String {
        switch self {
        case .noSuchAction(let action, let known):
            let hint = ClosestMatch.find(action, in: known).map { "did you mean \"\($0)\"? " } ?? ""
            return "no action \"\(action)\" in the plan (\(hint)see `salesd ctl today`)"
        case .nothingToUndo(let action, let day):
            let what = action.map { "done, skip or snooze of \"\($0)\"" } ?? "done, skip, snooze, day off or result"
            let when = day.map { "for \($0)" } ?? "in the last days"
            return "nothing to undo: no \(what) recorded \(when)"
        case .stepIsNotAnAction(let step, let actions):
            return actions.isEmpty
                ? "\"\(step)\" is a step, not an action, and the plan has no actions for it"
                : "\"\(step)\" is a step, not an action; its actions: " + actions.joined(separator: ", ")
        case .noSuchResultKind(let kind, let known, let closest):
            let hint = closest.map { "did you mean \"\($0)\"? " } ?? ""
            return "no result kind \"\(kind)\" in the plan (\(hint)the plan tracks: \(known.joined(separator: ", ")))"
        case .invalidArgument(let parameter, let value, let message):
            return "\(parameter) \"\(value)\": \(message)"
        case .nothingToSnooze(let action, let until):
            return "\"\(action)\" has nothing due before \(until); nothing recorded "
                + "(a snooze postpones reminders, it never brings one forward: see `salesd ctl today`)"
        }
    }
}
