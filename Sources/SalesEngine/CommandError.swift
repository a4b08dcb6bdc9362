import SalesPlan

/// Why the engine refused a command; every case says what to do instead.
public enum CommandError: Error, Hashable, Sendable, CustomStringConvertible {
    case noSuchAction(String, known: [String])
    case nothingToUndo(action: String?)
    case invalidArgument(parameter: String, value: String, message: String)
    /// A snooze that would postpone nothing: the action is not yet due before `until` (plan's zone).
    case nothingToSnooze(action: String, until: LocalTime)

    public var description: String {
        switch self {
        case .noSuchAction(let action, let known):
            let hint = closest(to: action, in: known).map { "did you mean \"\($0)\"? " } ?? ""
            return "no action \"\(action)\" in the plan (\(hint)see `salesd ctl today`)"
        case .nothingToUndo(let action):
            let what = action.map { "of \"\($0)\" " } ?? ""
            return "nothing to undo: no done \(what)recorded in the last days"
        case .invalidArgument(let parameter, let value, let message):
            return "\(parameter) \"\(value)\": \(message)"
        case .nothingToSnooze(let action, let until):
            return "\"\(action)\" has nothing due before \(until); nothing recorded "
                + "(a snooze postpones reminders, it never brings one forward: see `salesd ctl today`)"
        }
    }
}

/// The candidate with the smallest edit distance, if it is close enough to be a typo.
func closest(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
    guard let (best, distance) = scored, distance <= max(2, word.count / 3) else { return nil }
    return best
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var previous = row[0]
        row[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let current = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
            previous = current
        }
    }
    return a.isEmpty ? b.count : row[b.count]
}
