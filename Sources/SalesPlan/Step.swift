/// One step of the sales process (connect, invite, nurture, converse, follow up).
public struct Step: Hashable, Sendable {
    public var id: String
    public var name: String
    public var why: String?

    public init(id: String, name: String, why: String? = nil) {
        self.id = id
        self.name = name
        self.why = why
    }
}
