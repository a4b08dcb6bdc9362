/// One planned action and how far it got on a day (`ActionState` on the wire).
public struct ActionProgress: Codable, Sendable, Equatable {
    /// How an action stands on a day.
    public enum State: String, Codable, Sendable {
        case open, done, skipped, off
    }

    public var action: String
    public var step: String
    public var stepName: String
    public var title: String
    public var done: Int
    public var target: Int
    public var state: State
    /// Planned reminder times, local `HH:MM`.
    public var at: [String]
    /// The next reminder still to fire that day, if any (a ``WireTime`` timestamp).
    public var next: String?

    public init(action: String, step: String, stepName: String, title: String, done: Int, target: Int,
                state: State, at: [String], next: String? = nil) {
        (self.action, self.step, self.stepName, self.title, self.done) = (action, step, stepName, title, done)
        (self.target, self.state, self.at, self.next) = (target, state, at, next)
    }

    public var isOpen: Bool { state == .open }
}
