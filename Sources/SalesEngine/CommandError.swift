import SalesPlan

/// Why the engine refused a command; every case says what to do instead.
public enum CommandError: Error, Hashable, Sendable, CustomStringConvertible {
    case noSuchAction(String, known: [String])
    case nothingToUndo(action: String?)
    case invalidArgument(parameter: String, value: String, message: String)

    public var description: String {
        switch self {
        case .noSuchAction(let action, let known):
            let hint = ClosestMatch.find(action, in: known).map { "did you mean \"\($0)\"? " } ?? ""
            return "no action \"\(action)\" in the plan (\(hint)see `salesd ctl today`)"
        case .nothingToUndo(let action):
            let what = action.map { "of \"\($0)\" " } ?? ""
            return "nothing to undo: no done \(what)recorded in the last days"
        case .invalidArgument(let parameter, let value, let message):
            return "\(parameter) \"\(value)\": \(message)"
        }
    }
}
