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
        /// Whether the file was rewritten (VACUUM) so the erased bytes are gone; false when a
        /// reader (an export, a backup) kept it from finishing: the texts are blanked, and the
        /// call again with the person's id (outcome already) rewrites the file then.
        public var compacted: Bool

        public init(outcome: Outcome, person: Int, notesErased: Int, compacted: Bool = true) {
            (self.outcome, self.person, self.notesErased, self.compacted) = (outcome, person, notesErased, compacted)
        }
    }
}
