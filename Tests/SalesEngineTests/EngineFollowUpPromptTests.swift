import Foundation
import SalesEngine
import SalesPlan
import XCTest

final class EngineFollowUpPromptTests: XCTestCase {
    private func person(_ id: Int64, _ name: String, step: String, touched: String, next: String? = nil) -> PersonEvent {
        let day = LocalDay(iso: touched)!
        return PersonEvent(id: id, kind: .added, at: instant(touched + "T12:00:00Z"), day: day, person: id, step: step,
                           texts: PersonTexts(name: name, next: next))
    }

    private func plan(journalNames: Bool = false) -> Plan {
        var plan = fixturePlan()
        plan.steps = plan.steps.map { step in
            var step = step
            step.followUp = FollowUp(ideal: 2, max: 5)
            return step
        }
        plan.journalNames = journalNames
        return plan
    }

    /// The morning prompt leads with the most overdue person and their next step on the desktop,
    /// and names them by id only in the message the journal gets.
    func testMostOverduePersonLeads() throws {
        let step = plan().steps[0]
        var sim = Simulator(plan: plan(), start: instant("2026-11-27T08:00:00Z"))
        sim.engine.setPeople(PersonBook([
            person(1, "Sam Okafor", step: step.id, touched: "2026-11-24"),
            person(2, "Dana Kim", step: step.id, touched: "2026-11-21", next: "send the case study"),
            person(3, "Alex Rivera", step: step.id, touched: "2026-11-27"),
        ]))
        sim.advance(to: instant("2026-11-27T08:30:00Z"))
        let morning = try XCTUnwrap(sim.announced.last { $0.kind == .morning })
        XCTAssertEqual(morning.personal, """
            Follow up with Dana Kim — \(step.name), 6 days, overdue: send the case study
            Follow up with Sam Okafor — \(step.name), 3 days, due
            """)
        XCTAssertTrue(morning.message.hasPrefix("What's the next step? Follow up with #2 — \(step.name), 6 days, overdue (+1 more due)"),
                      morning.message)
        for name in ["Dana", "Sam", "Alex", "case study"] {
            XCTAssertFalse(morning.message.contains(name) || (morning.body ?? "").contains(name), name)
        }
        XCTAssertEqual(morning.person, 2)
    }

    /// With journalNames the message names the person and their next step; nobody due leaves the prompt as it was.
    func testNamesOnlyWhenTheConfigSaysSo() throws {
        let step = plan().steps[0]
        var named = Simulator(plan: plan(journalNames: true), start: instant("2026-11-27T08:00:00Z"))
        named.engine.setPeople(PersonBook([person(2, "Dana Kim", step: step.id, touched: "2026-11-21", next: "call")]))
        named.advance(to: instant("2026-11-27T08:30:00Z"))
        XCTAssertTrue(try XCTUnwrap(named.announced.last { $0.kind == .morning }).message
            .hasPrefix("What's the next step? Follow up with Dana Kim — \(step.name), 6 days, overdue: call"))

        var nobody = Simulator(plan: plan(), start: instant("2026-11-27T08:00:00Z"))
        nobody.engine.setPeople(PersonBook([person(3, "Alex Rivera", step: step.id, touched: "2026-11-27")]))
        nobody.advance(to: instant("2026-11-27T08:30:00Z"))
        let morning = try XCTUnwrap(nobody.announced.last { $0.kind == .morning })
        XCTAssertNil(morning.personal)
        XCTAssertFalse(morning.message.contains("Follow up"))
    }

    /// One gathered "follow-ups due" reminder per step with due people, at the time of the
    /// step's first action, once; a person who crossed max that day is named as now overdue.
    func testFollowUpsDueAtTheStepsFirstAction() throws {
        // Connect: ideal 2d, max 5d. Dana touched 6 days before the 27th (crossed max on it),
        // Sam 3 days (due); nobody waits at Converse.
        var sim = Simulator(plan: plan(), start: instant("2026-11-27T08:00:00Z"))
        sim.engine.setPeople(PersonBook([
            person(1, "Sam Okafor", step: "connect", touched: "2026-11-24"),
            person(2, "Dana Kim", step: "connect", touched: "2026-11-21", next: "send the case study"),
        ]))
        sim.advance(to: instant("2026-11-27T15:00:00Z"))
        let followUps = sim.announced.filter { $0.kind == .followUps }
        XCTAssertEqual(followUps.count, 1)
        let reminder = try XCTUnwrap(followUps.first)
        XCTAssertEqual(reminder.scheduled, instant("2026-11-27T09:30:00Z"))
        XCTAssertEqual(reminder.step, "connect")
        XCTAssertEqual(reminder.message, "Follow-ups due at Connect: 2 people (#2, #1); now overdue: #2")
        XCTAssertEqual(reminder.person, 2)
        XCTAssertEqual(reminder.personName, "Dana Kim")
        XCTAssertTrue(reminder.personal?.hasPrefix("Follow up with Dana Kim — Connect, 6 days, overdue: send the case study") == true)
        XCTAssertTrue(reminder.personal?.hasSuffix("Now overdue: Dana Kim") == true)
        XCTAssertEqual(sim.fired.filter { $0.action == "@follow-ups:connect" }.count, 1)

        // On Monday Dana is still overdue but no longer new to it; Sam crosses max (6 days) now.
        sim.advance(to: instant("2026-11-30T10:00:00Z"))
        let monday = try XCTUnwrap(sim.announced.last { $0.kind == .followUps })
        XCTAssertEqual(monday.message, "Follow-ups due at Connect: 2 people (#2, #1); now overdue: #1")
    }

    /// A person who crosses max on a day without the step's action (a Saturday) is named as
    /// now overdue at the next one (Monday), and not again on Tuesday.
    func testACrossingOnAWeekendIsNamedOnMonday() throws {
        // ideal 2d, max 5d: touched Sunday 22 Nov, overdue from Saturday 28 Nov.
        var sim = Simulator(plan: plan(), start: instant("2026-11-27T08:00:00Z"))
        sim.engine.setPeople(PersonBook([person(1, "Dana Kim", step: "connect", touched: "2026-11-22")]))
        sim.advance(to: instant("2026-11-30T10:00:00Z"))
        let monday = try XCTUnwrap(sim.announced.last { $0.kind == .followUps })
        XCTAssertEqual(monday.day, LocalDay(iso: "2026-11-30"))
        XCTAssertEqual(monday.message, "Follow-ups due at Connect: 1 person (#1); now overdue: #1")
        sim.advance(to: instant("2026-12-01T10:00:00Z"))
        XCTAssertEqual(try XCTUnwrap(sim.announced.last { $0.kind == .followUps }).message,
                       "Follow-ups due at Connect: 1 person (#1)")
    }

    /// The first action done before its time still brings the follow-ups reminder, on time.
    func testFollowUpsFireWhenTheFirstActionIsDone() throws {
        var sim = Simulator(plan: plan(), start: instant("2026-11-27T08:00:00Z"))
        sim.engine.setPeople(PersonBook([person(1, "Dana Kim", step: "connect", touched: "2026-11-24")]))
        try sim.command(.done(action: "requests", count: 5, note: nil, day: nil), at: instant("2026-11-27T08:40:00Z"))
        sim.advance(to: instant("2026-11-27T12:00:00Z"))
        let reminder = try XCTUnwrap(sim.announced.last { $0.kind == .followUps })
        XCTAssertEqual(reminder.scheduled, instant("2026-11-27T09:30:00Z"))
        XCTAssertEqual(reminder.latenessMs, 0)
        XCTAssertFalse(sim.announced.contains { $0.kind == .reminder && $0.action == "requests" })
    }
}
