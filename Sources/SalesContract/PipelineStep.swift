/// One step of the pipeline: who is there, and how people moved on from it.
public struct PipelineStep: Codable, Sendable, Equatable {
    public var step: String
    public var name: String
    /// People at this step now (active).
    public var count: Int
    public var people: [PersonRecord]
    /// People who entered this step in the window, and how many of them reached any later step
    /// or were won; conversion is their ratio (nil when nobody entered).
    public var entered: Int
    public var advanced: Int
    public var conversion: Double?
    /// Median local calendar days spent in this step by those who entered it in the window
    /// (a stay still going counts up to today); nil when nobody entered.
    public var medianDays: Double?

    public init(step: String, name: String, count: Int, people: [PersonRecord], entered: Int, advanced: Int,
                conversion: Double?, medianDays: Double?) {
        (self.step, self.name, self.count, self.people, self.entered) = (step, name, count, people, entered)
        (self.advanced, self.conversion, self.medianDays) = (advanced, conversion, medianDays)
    }
}
