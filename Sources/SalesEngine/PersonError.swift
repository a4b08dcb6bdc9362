import SalesPlan

/// Why a person command was refused; every case says what to do instead.
public enum PersonError: Error, Hashable, Sendable, CustomStringConvertible {
    case noSuchPerson(String, candidates: [String])
    case ambiguous(String, candidates: [String])
    case noSuchStep(String, known: [String])
    case invalidArgument(parameter: String, value: String, message: String)
    case forgotten(Int64)

    public var description: String {
        switch self {
        case .noSuchPerson(let query, let candidates):
            let hint = candidates.isEmpty ? "see the people with `salesd ctl people`" : "did you mean " + candidates.joined(separator: ", ") + "?"
            return "nobody called \"\(query)\" in the pipeline (\(hint))"
        case .ambiguous(let query, let candidates):
            return "\"\(query)\" could be \(candidates.count) people: \(candidates.joined(separator: ", ")) (give more of the name, or the id)"
        case .noSuchStep(let step, let known):
            let hint = ClosestMatch.find(step, in: known).map { "did you mean \"\($0)\"? " } ?? ""
            return "no step \"\(step)\" in the plan (\(hint)the steps: \(known.joined(separator: ", ")))"
        case .invalidArgument(let parameter, let value, let message):
            return "\(parameter) \"\(value)\": \(message)"
        case .forgotten(let id):
            return "person #\(id) was forgotten; nothing more can be recorded about them"
        }
    }

    /// The candidates a refusal lists (`#3 Dana Kim`).
    public var candidates: [String] {
        switch self {
        case .noSuchPerson(_, let c), .ambiguous(_, let c): c
        default: []
        }
    }
}
