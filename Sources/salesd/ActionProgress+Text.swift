import SalesContract

extension ActionProgress {
    /// `2/5`, or the state when the action is excused (`skipped`, `off`).
    var tally: String {
        state == .skipped || state == .off ? state.rawValue : "\(done)/\(target)"
    }

    /// The time to show: the next reminder still to come, else the first planned one.
    var time: String { next.map(WireTime.clock) ?? at.first ?? "" }
}
