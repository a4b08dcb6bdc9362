/// `Move(person, step)`: the person enters another step of the process.
public struct MoveCall: RecordingCall {
    public static let method = ControlMethod.move
    public var person: String
    public var step: String
    public var request: String?

    public init(person: String, step: String, request: String? = nil) {
        (self.person, self.step, self.request) = (person, step, request)
    }

    public typealias Reply = PersonReply
}
