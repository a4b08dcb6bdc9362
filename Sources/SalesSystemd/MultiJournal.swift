import SalesEngine

/// Hands every announcement to several journals, in order.
public final class MultiJournal: Journal {
    public let journals: [any Journal]

    public init(_ journals: [any Journal]) { self.journals = journals }

    public func record(_ announcement: Announcement) {
        for journal in journals { journal.record(announcement) }
    }
}
