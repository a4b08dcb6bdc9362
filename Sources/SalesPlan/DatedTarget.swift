/// A target that comes into force on a day (a week start) and holds until the next one.
public struct DatedTarget: Hashable, Sendable {
    public var from: LocalDay
    public var target: Int

    public init(from: LocalDay, target: Int) {
        self.from = from
        self.target = target
    }
}
