/// One step of the sales process (connect, invite, nurture, converse, follow up).
public struct Step: Hashable, Sendable {
    public var id: String
    public var name: String
    public var why: String?
    /// How long a person may wait at this step; nil: no follow-up is counted here.
    public var followUp: FollowUp?

    public init(id: String, name: String, why: String? = nil, followUp: FollowUp? = nil) {
        self.id = id
        self.name = name
        self.why = why
        self.followUp = followUp
    }
}
