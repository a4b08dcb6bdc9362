import SalesControl

/// One `ActionState` of the control interface: an action and how far it got on a day.
struct ActionProgress: Equatable {
    var action: String
    var step: String
    var stepName: String
    var title: String
    var done: Int
    var target: Int
    /// `open`, `done`, `skipped` or `off`.
    var state: String
    var at: [String]
    var next: String?

    init?(_ json: JSONValue?) {
        guard let json, let action = json["action"]?.string else { return nil }
        self.action = action
        step = json["step"]?.string ?? ""
        stepName = json["stepName"]?.string ?? step
        title = json["title"]?.string ?? action
        done = json["done"]?.int ?? 0
        target = json["target"]?.int ?? 1
        state = json["state"]?.string ?? "open"
        at = json["at"]?.array?.compactMap(\.string) ?? []
        next = json["next"]?.string
    }

    var isOpen: Bool { state == "open" }

    /// `2/5`, or the state when the action is excused (`skipped`, `off`).
    var tally: String {
        state == "skipped" || state == "off" ? state : "\(done)/\(target)"
    }

    /// The time to show: the next reminder still to come, else the first planned one.
    var time: String { next.map(WireTime.clock) ?? at.first ?? "" }
}
