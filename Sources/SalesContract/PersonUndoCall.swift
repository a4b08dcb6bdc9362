/// `PersonUndo(person, latest)`: takes back a person's latest event (or anyone's). With
/// `latest`, only when it is newer than every done, skip, snooze, day off and result still
/// undoable; otherwise nothing is taken back (outcome nothing), and `Undo` is the call to make.
public struct PersonUndoCall: RecordingCall {
    public static let method = ControlMethod.personUndo
    public var person: String?
    public var latest: Bool?
    public var request: String?

    public init(person: String? = nil, latest: Bool? = nil, request: String? = nil) {
        (self.person, self.latest, self.request) = (person, latest, request)
    }

    public struct Reply: Codable, Sendable, Equatable {
        public var outcome: Outcome
        /// The kind of the event taken back (touched, moved, …); nil when nothing was.
        public var undone: String?
        public var person: PersonRecord?

        public init(outcome: Outcome, undone: String?, person: PersonRecord?) {
            (self.outcome, self.undone, self.person) = (outcome, undone, person)
        }
    }
}
