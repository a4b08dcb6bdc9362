import XCTest
@testable import SalesPlan

final class ConfigReportingTests: XCTestCase {
    /// The example of the design reads exactly as documented.
    func testDesignExample() {
        let json = """
        {"version": 1,
         "steps": [{"id": "connect", "name": "Connect"}],
         "actions": [
           {"id": "a", "step": "connect", "title": "A"},
           {"id": "b", "step": "connect", "title": "B"},
           {"id": "c", "step": "connect", "title": "C", "at": "9:3"}
         ]}
        """
        XCTAssertEqual(errors(json), [#"actions[2].at: "9:3" is not a time (use HH:MM, e.g. "09:30")"#])
    }

    /// Five different problems yield five errors in one report, with structured fields.
    func testEveryErrorAtOnce() throws {
        let json = """
        {"version": 1, "snooze": "soon", "weekStart": "someday",
         "steps": [{"id": "connect", "name": 5}],
         "actions": [{"id": "a", "step": "conect", "title": "A", "target": 2.5, "at": "9:3"}]}
        """
        let lines = errors(json)
        XCTAssertEqual(lines, [
            #"snooze: "soon" is not a duration (use a number and h, m or s, e.g. "15m" or "1h30m")"#,
            #"weekStart: "someday" is not a weekday (use mon, tue, wed, thu, fri, sat or sun)"#,
            "steps[0].name: 5 is not a string",
            #"actions[0].step: "conect" is not a step (did you mean "connect"?)"#,
            "actions[0].target: 2.5 is not a whole number (use a whole number from 1 to 10000)",
            #"actions[0].at: "9:3" is not a time (use HH:MM, e.g. "09:30")"#,
        ])
        do {
            _ = try Plan.parse(Data(json.utf8))
        } catch {
            XCTAssertEqual(error.errors[0], ConfigError(
                path: "snooze", value: #""soon""#, message: "is not a duration",
                hint: #"use a number and h, m or s, e.g. "15m" or "1h30m""#))
        }
    }

    /// An unknown key names the closest known key, at every level, and is not also reported missing.
    func testUnknownKeysSuggestClosest() {
        let json = """
        {"version": 1, "snoze": "5m", "Steps": [{"id": "connect", "nmae": "Connect"}],
         "weeklyReview": {"day": "fri", "time": "16:00"},
         "actions": [{"id": "a", "step": "connect", "tittle": "A"}],
         "notifications": {"urgent": "low"}, "color": "blue"}
        """
        XCTAssertEqual(errors(json), [
            #"Steps: unknown key (did you mean "steps"?)"#,
            "color: unknown key (known keys: version, timeZone, morningPrompt, weeklyReview, snooze, grace, weekStart, backfillDays, steps, actions, results, won, journalNames, daysOff, notifications, skipBudget)",
            #"snoze: unknown key (did you mean "snooze"?)"#,
            #"weeklyReview.time: unknown key (known keys: day, at)"#,
            #"weeklyReview.at: is missing (add "at": "16:00")"#,
            #"actions[0].tittle: unknown key (did you mean "title"?)"#,
            #"notifications.urgent: unknown key (did you mean "urgency"?)"#,
        ])
    }

    /// Keys are case-sensitive, and odd keys are quoted in the path.
    func testKeysAreCaseSensitiveAndQuoted() {
        XCTAssertEqual(errors(config(top: #""TimeZone": "UTC", "a b\u0000": 1,"#)), [
            #"TimeZone: unknown key (did you mean "timeZone"?)"#,
            #"["a b\u0000"]: unknown key (known keys: version, timeZone, morningPrompt, weeklyReview, snooze, grace, weekStart, backfillDays, steps, actions, results, won, journalNames, daysOff, notifications, skipBudget)"#,
        ])
    }

    /// Long values are shortened and control characters escaped when quoted in an error.
    func testValuesAreQuotedSafely() {
        let long = String(repeating: "x", count: 100)
        let lines = errors(config(top: #""morningPrompt": "\#(long)", "snooze": "1\u202Em\n","#))
        XCTAssertEqual(lines, [
            #"morningPrompt: ""# + String(repeating: "x", count: 59) + #"…" is not a time (use HH:MM, e.g. "09:30")"#,
            #"snooze: "1\u202em\n" is not a duration (use a number and h, m or s, e.g. "15m" or "1h30m")"#,
        ])
    }
}
