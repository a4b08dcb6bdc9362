/// `Forget(person)`: erases a person's name, company and notes from the ledger file (and each
/// note of the ledger that names them); their counts stay, anonymous.
public struct ForgetCall: RecordingCall {
    public static let method = ControlMethod.forget
    public var person: String
    public var request: String?

    public init(person: String, request: String? = nil) { (self.person, self.request) = (person, request) }

    public struct Reply: Codable, Sendable, Equatable {
        public var outcome: Outcome
        public var person: Int
        /// Done notes, skip reasons and result notes blanked because they named the person.
        public var notesErased: Int

        public init(outcome: Outcome, person: Int, notesErased: Int) {
            (self.outcome, self.person, self.notesErased) = (outcome, person, notesErased)
        }
    }
}
