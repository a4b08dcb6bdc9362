import Foundation
import XCTest
@testable import SalesPlan

final class PersonBookTests: XCTestCase {
    private let day = LocalDay(iso: "2026-11-30")!
    private let at = Date(timeIntervalSince1970: 1_796_000_000)
    private var nextID: Int64 = 0

    private func event(_ kind: PersonEvent.Kind, _ person: Int64, step: String? = nil, ref: Int64? = nil,
                       days: Int = 0, texts: PersonTexts = PersonTexts()) -> PersonEvent {
        nextID += 1
        return PersonEvent(id: nextID, kind: kind, at: at.addingTimeInterval(Double(days) * 86_400), day: day.adding(days: days),
                           person: person, step: step, ref: ref, texts: texts)
    }

    private func book(_ names: [String]) -> PersonBook {
        PersonBook(names.enumerated().map { event(.added, Int64($0 + 1), step: "connect", texts: PersonTexts(name: $1)) })
    }

    /// An id, an exact name, or a unique part of a name, any case, finds the person.
    func testFind() {
        let people = book(["Dana Kim", "Dan Brown", "Alex Kimura"])
        XCTAssertEqual(people.find("2"), .found(people.people[1]))
        XCTAssertEqual(people.find("#3"), .found(people.people[2]))
        XCTAssertEqual(people.find("dana"), .found(people.people[0]))
        XCTAssertEqual(people.find("BROWN"), .found(people.people[1]))
        XCTAssertEqual(people.find("dan"), .ambiguous([people.people[0], people.people[1]]))
        XCTAssertEqual(people.find("kim"), .ambiguous([people.people[0], people.people[2]]))
        XCTAssertEqual(people.find("zed"), .none)
        XCTAssertEqual(people.find("9"), .none)
        XCTAssertEqual(people.find("  "), .none)
        XCTAssertEqual(book(["Dan", "Dana"]).find("dan").person?.name, "Dan", "an exact name wins")
    }

    /// An undone move or touch no longer counts; the later events do.
    func testUndo() {
        let added = event(.added, 1, step: "connect", texts: PersonTexts(name: "Dana"))
        let touched = event(.touched, 1, days: 3, texts: PersonTexts(next: "call"))
        let moved = event(.moved, 1, step: "invite", days: 3)
        let undoMove = event(.undo, 1, ref: moved.id)
        let undoTouch = event(.undo, 1, ref: touched.id)
        let person = PersonBook([added, touched, moved, undoMove, undoTouch]).people[0]
        XCTAssertEqual(person.step, "connect")
        XCTAssertEqual(person.lastTouchDay, day)
        XCTAssertNil(person.next)
        XCTAssertEqual(PersonBook([added, touched, moved]).latestUndoable()?.id, moved.id)
    }

    /// State by the step's followUp: none, won and lost people are never due.
    func testState() throws {
        var plan = Plan(steps: [Step(id: "connect", name: "Connect", followUp: FollowUp(ideal: 2, max: 4)),
                                Step(id: "invite", name: "Invite")], actions: [])
        plan.timeZone = "UTC"
        let events = [event(.added, 1, step: "connect", texts: PersonTexts(name: "A")),
                      event(.added, 2, step: "invite", texts: PersonTexts(name: "B")),
                      event(.added, 3, step: "connect", texts: PersonTexts(name: "C"))]
        let book = PersonBook(events + [event(.lost, 3)])
        XCTAssertEqual(book.people.map { $0.state(in: plan, today: day.adding(days: 5)) }, [.overdue, .ok, .ok])
        XCTAssertEqual(book.people[0].state(in: plan, today: day.adding(days: 2)), .due)
    }
}

extension PersonMatch {
    var person: Person? { if case .found(let p) = self { p } else { nil } }
}
