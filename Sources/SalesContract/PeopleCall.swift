/// `People(step, due)`: the people in the pipeline (of one step; only those due or overdue).
public struct PeopleCall: ControlCall {
    public static let method = ControlMethod.people
    public var step: String?
    public var due: Bool?
    /// Also the people won or lost.
    public var all: Bool?

    public init(step: String? = nil, due: Bool? = nil, all: Bool? = nil) {
        (self.step, self.due, self.all) = (step, due, all)
    }

    public struct Reply: Codable, Sendable, Equatable {
        public var today: String
        public var people: [PersonRecord]

        public init(today: String, people: [PersonRecord]) { (self.today, self.people) = (today, people) }
    }
}
