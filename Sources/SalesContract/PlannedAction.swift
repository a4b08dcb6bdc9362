/// An action as the plan asks for it on a day: when, how many, and how it re-reminds.
public struct PlannedAction: Codable, Sendable, Equatable {
    public var action: String
    public var step: String
    public var title: String
    public var target: Int
    /// Reminder times, local `HH:MM`; empty when the action is never reminded.
    public var at: [String]
    /// Re-remind every this long (`1h`) until done.
    public var `repeat`: String?
    /// Last time of day a re-reminder may fire, local `HH:MM`.
    public var until: String?

    public init(action: String, step: String, title: String, target: Int, at: [String], repeat: String? = nil,
                until: String? = nil) {
        self.action = action
        self.step = step
        self.title = title
        self.target = target
        self.at = at
        self.repeat = `repeat`
        self.until = until
    }
}
