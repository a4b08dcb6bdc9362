import SalesContract

/// The human rendering of a `Next` reply: the action to do now, why, and the command that records it.
enum NextText {
    static func lines(_ reply: NextCall.Reply) -> [String] {
        guard let action = reply.action else {
            return ["Nothing left to do today: every planned action is done or excused.",
                    "then: salesd ctl week"]
        }
        let why = reply.why.map { " — " + $0 } ?? ""
        var lines = ["Next: \(action.title) (\(action.step) · \(action.done) of \(action.target))\(why)"]
        if reply.remaining > 1 {
            lines.append("      \(reply.remaining - 1) more open after this one today")
        }
        lines.append("then: salesd ctl done \(action.action)")
        return lines
    }
}
