/// The lead-measure scoreboard: the last weeks side by side, the streak, and today's standing.
///
/// Every figure is derived from the plan versions and the ledger (SalesScore computes it); the
/// `Week` method returns it.
public struct Scoreboard: Codable, Equatable, Sendable {
    /// `YYYY-MM-DD`.
    public var today: String
    /// Local time the pace was computed at, `HH:MM[:SS]`.
    public var now: String
    /// First day of each week (`mon` … `sun`).
    public var weekStart: String
    public var streak: Streak
    /// Oldest first; the last one is the current week.
    public var weeks: [WeekScore]
    /// The plain-text rendering, filled in by the daemon for clients that just print it.
    public var text: String?

    public init(today: String, now: String, weekStart: String, streak: Streak, weeks: [WeekScore], text: String? = nil) {
        (self.today, self.now, self.weekStart, self.streak, self.weeks) = (today, now, weekStart, streak, weeks)
        (self.text) = (text)
    }
}
