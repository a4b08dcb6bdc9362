/// `PersonEdit(person, name, company, next, due, note)`: changes what is written about a
/// person; an empty text clears it (the name excepted).
public struct PersonEditCall: RecordingCall {
    public static let method = ControlMethod.personEdit
    public var person: String
    public var name: String?
    public var company: String?
    public var next: String?
    public var due: String?
    public var note: String?
    public var request: String?

    public init(person: String, name: String? = nil, company: String? = nil, next: String? = nil, due: String? = nil,
                note: String? = nil, request: String? = nil) {
        (self.person, self.name, self.company, self.next, self.due, self.note, self.request) = (person, name, company, next, due, note, request)
    }

    public typealias Reply = PersonReply
}
