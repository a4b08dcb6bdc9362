/// `Lost(person, reason)`: the person leaves the pipeline.
public struct LostCall: RecordingCall {
    public static let method = ControlMethod.lost
    public var person: String
    public var reason: String?
    public var request: String?

    public init(person: String, reason: String? = nil, request: String? = nil) {
        (self.person, self.reason, self.request) = (person, reason, request)
    }

    public typealias Reply = PersonReply
}
