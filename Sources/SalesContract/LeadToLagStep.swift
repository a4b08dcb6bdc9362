/// Lead to lag at one step: the touches of people while they were at this step, against the
/// clients won, over the same weeks.
public struct LeadToLagStep: Codable, Sendable, Equatable {
    public var step: String
    public var name: String
    public var touches: Int
    /// People won in the window (the same for every step).
    public var won: Int
    /// touches / won; nil when nobody was won.
    public var touchesPerClient: Double?

    public init(step: String, name: String, touches: Int, won: Int, touchesPerClient: Double?) {
        (self.step, self.name, self.touches, self.won, self.touchesPerClient) = (step, name, touches, won, touchesPerClient)
    }
}
