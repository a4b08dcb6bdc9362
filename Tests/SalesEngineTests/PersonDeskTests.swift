import Foundation
import SalesContract
import SalesEngine
import SalesPlan
import SalesSchedule
import XCTest

final class PersonDeskTests: XCTestCase {
    private let desk = PersonDesk(plan: fixturePlan(), calendar: ZoneCalendar(timeZone: TimeZone(identifier: "Europe/London")!))
    private let now = instant("2026-11-27T10:00:00Z")

    /// Added at the plan's first step unless one is named; due dates are read, relative ones too.
    func testAdd() throws {
        let event = try desk.add(PersonAddCall(name: "Dana Kim", due: "tomorrow"), now: now, source: "ctl")
        XCTAssertEqual(event.step, "connect")
        XCTAssertEqual(event.texts.due, "2026-11-28")
        XCTAssertEqual(event.day, LocalDay(iso: "2026-11-27"))
        XCTAssertEqual(try desk.add(PersonAddCall(name: "Sam", step: "converse"), now: now, source: "ctl").step, "converse")
    }

    /// Bad input is refused whole, saying which parameter and why.
    func testRefusals() {
        func refusal(_ call: PersonAddCall) -> PersonError? {
            do { _ = try desk.add(call, now: now, source: "ctl"); return nil } catch { return error }
        }
        XCTAssertEqual(refusal(PersonAddCall(name: "  ")), .invalidArgument(parameter: "name", value: "  ", message: "is empty; write a few words"))
        XCTAssertEqual(refusal(PersonAddCall(name: "Dana\nKim"))?.description.contains("line break"), true)
        XCTAssertEqual(refusal(PersonAddCall(name: "Dana", due: "next week"))?.description.contains("is not a date"), true)
        XCTAssertEqual(refusal(PersonAddCall(name: "Dana", step: "conect")),
                       .noSuchStep("conect", known: ["connect", "converse"]))
        XCTAssertTrue(refusal(PersonAddCall(name: "Dana", step: "conect"))!.description.contains(#"did you mean "connect"?"#))
        XCTAssertEqual(refusal(PersonAddCall(name: "Dana", note: "a\0b"))?.description.contains("NUL"), true)
        // A note may have line breaks.
        XCTAssertNil(refusal(PersonAddCall(name: "Dana", note: "met at\nthe fair")))
    }

    /// A forgotten person can no longer be named; an unknown name gets close candidates.
    func testResolve() {
        let book = PersonBook([
            PersonEvent(id: 1, kind: .added, at: now, day: LocalDay(iso: "2026-11-27")!, person: 1, step: "connect",
                        texts: PersonTexts(name: "Dana Kim")),
            PersonEvent(id: 2, kind: .forgotten, at: now, day: LocalDay(iso: "2026-11-27")!, person: 1),
            PersonEvent(id: 3, kind: .added, at: now, day: LocalDay(iso: "2026-11-27")!, person: 2, step: "connect",
                        texts: PersonTexts(name: "Sam Okafor")),
        ])
        XCTAssertThrowsError(try desk.resolve("1", in: book)) { XCTAssertEqual($0 as? PersonError, .forgotten(1)) }
        XCTAssertThrowsError(try desk.resolve("dana", in: book)) {
            XCTAssertEqual($0 as? PersonError, .noSuchPerson("dana", candidates: []))
        }
        XCTAssertThrowsError(try desk.resolve("okafro", in: book)) {
            XCTAssertEqual(($0 as? PersonError)?.candidates, ["#2 Sam Okafor"])
        }
    }
}
