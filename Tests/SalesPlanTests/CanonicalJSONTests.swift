import XCTest
@testable import SalesPlan

final class CanonicalJSONTests: XCTestCase {
    private func assertRoundTrips(_ plan: Plan, file: StaticString = #filePath, line: UInt = #line) {
        let text = plan.canonicalJSON()
        do {
            let parsed = try Plan.parse(Data(text.utf8))
            XCTAssertEqual(parsed, plan, file: file, line: line)
            XCTAssertEqual(parsed.canonicalJSON(), text, "canonical text is stable", file: file, line: line)
        } catch {
            XCTFail("canonical JSON does not parse:\n\(error)\n\(text)", file: file, line: line)
        }
    }

    /// The example plan survives a trip through its canonical JSON.
    func testExampleRoundTrips() {
        assertRoundTrips(Plan.embeddedDefault)
    }

    /// Edge plans round-trip: every optional set, none set, odd text, extreme values.
    func testEdgePlansRoundTrip() throws {
        var full = Plan(
            timeZone: "America/Argentina/Buenos_Aires", morningPrompt: LocalTime(hour: 0, minute: 0, second: 1),
            weeklyReview: WeeklyReview(day: .sun, at: LocalTime(hour: 23, minute: 59, second: 59)!),
            steps: [Step(id: "0", name: "Quote \" backslash \\ slash / é 👩🏽‍💼 \u{202E}rtl", why: "Why?"),
                    Step(id: "a-b-", name: "x")],
            actions: [
                PlanAction(id: "x", step: "0", title: "T", target: 10_000,
                           days: [.date(LocalDay(iso: "0001-01-01")!), .weekends, .weekday(.wed), .daily],
                           at: [LocalTime("23:00")!, LocalTime("00:00:01")!], repeat: PlanDuration(seconds: 61),
                           until: LocalTime("23:59:59")),
                PlanAction(id: "y", step: "a-b-", title: "Only planned"),
            ],
            daysOff: [LocalDay(iso: "9999-12-31")!, LocalDay(iso: "2024-02-29")!])
        full.snooze = PlanDuration(seconds: 86_400)
        full.grace = PlanDuration(seconds: 1)
        full.weekStart = .sat
        full.backfillDays = 366
        full.notifications = NotificationSettings(enabled: false, urgency: .low)
        full.results = [ResultKind(id: "deal", name: "Deals \" é", unit: .count),
                        ResultKind(id: "fees", name: "Fees", unit: .currency("CHF"))]
        assertRoundTrips(full)
        assertRoundTrips(Plan(steps: [Step(id: "s", name: "S")], actions: []))
    }

    /// The canonical text has sorted keys, two-space indentation and written-out defaults.
    func testShape() {
        let text = Plan(steps: [Step(id: "s", name: "S")], actions: [PlanAction(id: "a", step: "s", title: "A")]).canonicalJSON()
        XCTAssertEqual(text, """
        {
          "actions": [
            {
              "at": [],
              "days": [
                "daily"
              ],
              "id": "a",
              "step": "s",
              "target": 1,
              "title": "A"
            }
          ],
          "backfillDays": 7,
          "daysOff": [],
          "grace": "10m",
          "notifications": {
            "enabled": true,
            "urgency": "normal"
          },
          "results": [
            {
              "id": "client",
              "name": "Clients won",
              "unit": "count"
            },
            {
              "id": "proposal",
              "name": "Proposals sent",
              "unit": "count"
            },
            {
              "id": "conversation-booked",
              "name": "Sales conversations booked",
              "unit": "count"
            },
            {
              "id": "revenue",
              "name": "Revenue",
              "unit": "EUR"
            }
          ],
          "snooze": "15m",
          "steps": [
            {
              "id": "s",
              "name": "S"
            }
          ],
          "version": 1,
          "weekStart": "mon"
        }

        """)
    }
}
