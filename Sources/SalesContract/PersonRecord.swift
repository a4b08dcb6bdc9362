/// A person in the pipeline as the wire carries them (`Person` in the interface).
public struct PersonRecord: Codable, Sendable, Equatable {
    public var id: Int
    /// Nil once forgotten.
    public var name: String?
    public var company: String?
    public var step: String
    public var stepName: String
    /// The next step with this person, and when it is due (`YYYY-MM-DD`).
    public var next: String?
    public var due: String?
    public var note: String?
    /// The local day of the last touch, and calendar days since then.
    public var lastTouch: String
    public var daysSinceTouch: Int
    /// ok, due or overdue, by the step's followUp.
    public var state: String
    /// active, won or lost.
    public var status: String
    public var forgotten: Bool

    public init(id: Int, name: String?, company: String?, step: String, stepName: String, next: String?, due: String?,
                note: String?, lastTouch: String, daysSinceTouch: Int, state: String, status: String, forgotten: Bool) {
        (self.id, self.name, self.company, self.step, self.stepName) = (id, name, company, step, stepName)
        (self.next, self.due, self.note, self.lastTouch, self.daysSinceTouch) = (next, due, note, lastTouch, daysSinceTouch)
        (self.state, self.status, self.forgotten) = (state, status, forgotten)
    }

    /// `Dana Kim`, or `#12` once forgotten.
    public var label: String { name ?? "#\(id)" }
}
