import Foundation
import XCTest
@testable import SalesPlan

final class ExamplePlanTests: XCTestCase {
    /// The example file in the repository and the plan embedded in the binary are the same bytes.
    func testExampleFileMatchesEmbeddedText() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("config.example.json")
        let file = try Data(contentsOf: url)
        XCTAssertEqual(file, Data(Plan.exampleJSON.utf8), "config.example.json and Plan.exampleJSON differ")
    }

    /// The embedded example is a complete five-step plan that validates.
    func testEmbeddedDefaultIsACompletePlan() throws {
        let plan = try Plan.parse(Data(Plan.exampleJSON.utf8))
        XCTAssertEqual(plan, Plan.embeddedDefault)
        XCTAssertEqual(plan.steps.map(\.id), ["connect", "invite", "nurture", "converse", "follow-up"])
        XCTAssertTrue((8...10).contains(plan.actions.count))
        XCTAssertEqual(Set(plan.actions.map(\.step)), Set(plan.steps.map(\.id)), "every step has an action")
        XCTAssertNil(plan.timeZone, "the example follows the system's zone")
        XCTAssertEqual(plan.morningPrompt, LocalTime(hour: 8, minute: 30))
        XCTAssertEqual(plan.weeklyReview, WeeklyReview(day: .fri, at: LocalTime(hour: 16, minute: 0)!))
        let requests = try XCTUnwrap(plan.action(id: "connection-requests"))
        XCTAssertEqual(requests.target, 5)
        XCTAssertEqual(requests.repeat, PlanDuration(seconds: 3600))
        XCTAssertEqual(requests.until, LocalTime(hour: 17, minute: 0))
    }

    /// Every weekday has work planned, and the weekend is free.
    func testExampleCoversTheWorkWeek() throws {
        let plan = Plan.embeddedDefault
        let monday = try XCTUnwrap(LocalDay(iso: "2026-11-23"))
        for offset in 0..<5 {
            XCTAssertFalse(plan.actions(on: monday.adding(days: offset)).isEmpty)
        }
        XCTAssertTrue(plan.actions(on: monday.adding(days: 5)).isEmpty)
        XCTAssertTrue(plan.actions(on: LocalDay(iso: "2026-12-25")!).isEmpty, "a configured day off")
    }
}
