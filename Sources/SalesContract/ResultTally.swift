/// The lag results of one kind recorded in a week.
public struct ResultTally: Codable, Equatable, Sendable {
    /// The result kind (`client`, `proposal`, …).
    public var kind: String
    /// How many results were recorded.
    public var count: Int
    /// Sum of their values; a result without a value counts 1.
    public var sum: Double

    public init(kind: String, count: Int, sum: Double) {
        (self.kind, self.count, self.sum) = (kind, count, sum)
    }
}
