import Foundation
import HeapModule
import SalesPlan

/// Occurrences of a schedule over a run of days, in instant order, made one at a time: a heap
/// holds the next occurrence of each reminder source of the days begun so far, and a day is
/// begun only once the heap's earliest instant reaches it.
public struct OccurrenceSequence: Sequence {
    let schedule: Schedule
    let days: ClosedRange<LocalDay>
    /// Only occurrences at or after this instant (strictly after, when not inclusive).
    let lower: (instant: Date, inclusive: Bool)?
    /// Only occurrences before this instant.
    let upper: Date?
    /// Indices into the schedule's sources; all of them when nil.
    let sources: [Int]?
    let skipping: ((String, LocalDay) -> Bool)?

    public func makeIterator() -> Iterator { Iterator(self) }

    public struct Iterator: IteratorProtocol {
        private let sequence: OccurrenceSequence
        private var heap = Heap<Cursor>()
        private var nextDay: LocalDay?

        init(_ sequence: OccurrenceSequence) {
            self.sequence = sequence
            nextDay = sequence.days.lowerBound
        }

        public mutating func next() -> Occurrence? {
            beginDays()
            guard let cursor = heap.popMin() else { return nil }
            let schedule = sequence.schedule
            if let following = schedule.occurrence(of: cursor.source, on: cursor.day, after: cursor.occurrence.instant,
                                                   inclusive: false),
               isBeforeUpper(following) {
                heap.insert(Cursor(occurrence: following, source: cursor.source, day: cursor.day))
            }
            return cursor.occurrence
        }

        /// Begins every day that could hold an occurrence before the heap's earliest: a day's
        /// instants all come at or after its first instant.
        private mutating func beginDays() {
            let schedule = sequence.schedule
            while let day = nextDay {
                let start = schedule.calendar.startOfDay(day)
                if let upper = sequence.upper, start >= upper { nextDay = nil; break }
                if let earliest = heap.min, earliest.occurrence.instant < start { break }
                nextDay = day < sequence.days.upperBound ? day.adding(days: 1) : nil
                guard let placed = PlacedDay(day, plan: schedule.plan, calendar: schedule.calendar) else { continue }
                for index in sequence.sources ?? Array(schedule.sources.indices) {
                    // Read in place, not copied out: this runs for every source on every day begun.
                    guard schedule.sources[index].isPlanned(on: day),
                          sequence.skipping?(schedule.sources[index].action, day) != true,
                          let first = schedule.occurrence(of: index, on: placed, after: sequence.lower?.instant,
                                                          inclusive: sequence.lower?.inclusive ?? true),
                          isBeforeUpper(first) else { continue }
                    heap.insert(Cursor(occurrence: first, source: index, day: placed))
                }
            }
        }

        private func isBeforeUpper(_ occurrence: Occurrence) -> Bool {
            sequence.upper.map { occurrence.instant < $0 } ?? true
        }
    }

    struct Cursor: Comparable {
        var occurrence: Occurrence
        var source: Int
        var day: PlacedDay

        static func < (lhs: Cursor, rhs: Cursor) -> Bool { lhs.occurrence < rhs.occurrence }
        static func == (lhs: Cursor, rhs: Cursor) -> Bool { lhs.occurrence == rhs.occurrence }
    }
}
