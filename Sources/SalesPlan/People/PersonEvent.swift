import Foundation

/// One entry of a person's history in the ledger: append-only, like ``Event``, but kept apart
/// from the events because the texts it carries (``texts``) are other people's personal data
/// and must be erasable (`salesd ctl forget`).
public struct PersonEvent: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The person entered the pipeline at ``step``; counts as a touch.
        case added
        /// A contact: counts from here for follow-ups; may set the next step and carry a note.
        case touched
        /// The person entered ``step``; counts as a touch (the wait at the new step starts).
        case moved
        /// The person became a client; ``results`` are the result events it recorded.
        case won
        /// The person left the pipeline.
        case lost
        /// Name, company, next step, due date or note changed.
        case edited
        /// Takes back the person event ``ref``.
        case undo
        /// Name, company and notes were erased; the counts stay.
        case forgotten
    }

    public var id: Int64?
    public var kind: Kind
    public var at: Date
    /// The local day it counts for (the day of the touch, for follow-ups).
    public var day: LocalDay
    public var person: Int64
    public var step: String?
    public var ref: Int64?
    /// For a touch with `--action`: the done event it also recorded.
    public var done: Int64?
    /// For won: the result events it recorded.
    public var results: [Int64]
    public var source: String?
    /// The personal texts: erased by forget, never stored in the event rows.
    public var texts: PersonTexts

    public init(id: Int64? = nil, kind: Kind, at: Date, day: LocalDay, person: Int64, step: String? = nil,
                ref: Int64? = nil, done: Int64? = nil, results: [Int64] = [], source: String? = nil,
                texts: PersonTexts = PersonTexts()) {
        (self.id, self.kind, self.at, self.day, self.person, self.step) = (id, kind, at, day, person, step)
        (self.ref, self.done, self.results, self.source, self.texts) = (ref, done, results, source, texts)
    }
}

/// The free texts of a person event that can name someone.
public struct PersonTexts: Hashable, Sendable {
    public var name: String?
    public var company: String?
    public var note: String?
    /// The next step with this person ("send the case study").
    public var next: String?
    /// When the next step is due, `YYYY-MM-DD`.
    public var due: String?

    public init(name: String? = nil, company: String? = nil, note: String? = nil, next: String? = nil, due: String? = nil) {
        (self.name, self.company, self.note, self.next, self.due) = (name, company, note, next, due)
    }

    public var isEmpty: Bool { self == PersonTexts() }
}
