/// `PersonAdd(name, step, company, next, due, note)`: puts a person in the pipeline (at the
/// first step unless one is named); counts as a touch.
public struct PersonAddCall: RecordingCall {
    public static let method = ControlMethod.personAdd
    public var name: String
    public var step: String?
    public var company: String?
    public var next: String?
    public var due: String?
    public var note: String?
    public var request: String?

    public init(name: String, step: String? = nil, company: String? = nil, next: String? = nil, due: String? = nil,
                note: String? = nil, request: String? = nil) {
        (self.name, self.step, self.company, self.next, self.due, self.note, self.request) = (name, step, company, next, due, note, request)
    }

    public typealias Reply = PersonReply
}
