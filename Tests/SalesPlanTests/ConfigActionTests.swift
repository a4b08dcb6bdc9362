import XCTest
@testable import SalesPlan

final class ConfigActionTests: XCTestCase {
    /// Every field of an action is read as written.
    func testReadsAnAction() throws {
        let plan = try XCTUnwrap(plan(config(action: #", "target": 5, "days": ["weekdays", "sat", "2026-12-24"], "at": ["09:30", "14:00"], "repeat": "1h", "until": "17:00""#)))
        XCTAssertEqual(plan.actions, [PlanAction(
            id: "requests", step: "connect", title: "Send requests", target: 5,
            days: [.weekdays, .weekday(.sat), .date(LocalDay(iso: "2026-12-24")!)],
            at: [LocalTime("09:30")!, LocalTime("14:00")!], repeat: PlanDuration(seconds: 3600), until: LocalTime("17:00"))])
    }

    /// `days` and `at` also take a single string.
    func testSingleStrings() throws {
        let action = try XCTUnwrap(plan(config(action: #", "days": "fri", "at": "16:00""#))?.actions.first)
        XCTAssertEqual(action.days, [.weekday(.fri)])
        XCTAssertEqual(action.at, [LocalTime(hour: 16, minute: 0)!])
    }

    /// Id, step and title are required; ids are slugs and unique.
    func testRequiredFieldsAndIds() {
        let json = """
        {"version": 1, "steps": [{"id": "connect", "name": "Connect"}],
         "actions": [{}, {"id": "a", "step": "connect", "title": "A"}, {"id": "a", "step": "connect", "title": "B"},
                     {"id": "B", "step": "connect", "title": "C"}]}
        """
        XCTAssertEqual(errors(json), [
            #"actions[0].id: is missing (give the action an id, e.g. "connection-requests")"#,
            "actions[0].step: is missing (name the step this action belongs to)",
            #"actions[0].title: is missing (say what to do, e.g. "Send 5 connection requests")"#,
            #"actions[2].id: "a" is already the id of actions[1] (give each action its own id)"#,
            #"actions[3].id: "B" is not a valid id (use up to 64 lowercase letters, digits and dashes, e.g. "b")"#,
        ])
    }

    /// A broken action still claims its id, so a later copy is reported too.
    func testDuplicateOfBrokenAction() {
        let json = """
        {"version": 1, "steps": [{"id": "connect", "name": "Connect"}],
         "actions": [{"id": "a", "step": "connect", "title": ""}, {"id": "a", "step": "connect", "title": "B"}]}
        """
        XCTAssertEqual(errors(json).count, 2)
    }

    /// The step must be one of the steps: a near miss is named, otherwise all steps are listed.
    func testStepReference() {
        XCTAssertEqual(errors(config(action: "").replacingOccurrences(of: #""step": "connect""#, with: #""step": "folow-up""#)),
                       [#"actions[0].step: "folow-up" is not a step (did you mean "follow-up"?)"#])
        XCTAssertEqual(errors(config(action: "").replacingOccurrences(of: #""step": "connect""#, with: #""step": "close""#)),
                       [#"actions[0].step: "close" is not a step (use one of the steps: connect, follow-up)"#])
    }

    /// A step without a usable id is reported once, not again on every action that names it.
    func testBrokenStepIsReportedOnce() {
        let json = """
        {"version": 1, "steps": [{"id": "connect", "name": "Connect"}, {"name": "Invite"}, {"id": "Nurture!", "name": "N"}],
         "actions": [{"id": "a", "step": "invite", "title": "A"}, {"id": "b", "step": "invite", "title": "B"}]}
        """
        XCTAssertEqual(errors(json), [
            #"steps[1].id: is missing (give the step an id, e.g. "connect")"#,
            #"steps[2].id: "Nurture!" is not a valid id (use up to 64 lowercase letters, digits and dashes, e.g. "nurture")"#,
        ])
    }

    /// Targets are whole numbers from 1 to 10000.
    func testTarget() {
        for (value, message) in [("0", "is out of range"), ("10001", "is out of range"), ("-3", "is out of range"),
                                 ("2.5", "is not a whole number"), ("\"5\"", "is not a number"), ("true", "is not a number"),
                                 ("99999999999999999999", "is out of range"), ("1e300", "is out of range")] {
            let quoted = value == "1e300" ? "1e+300" : value
            XCTAssertEqual(errors(config(action: #", "target": \#(value)"#)),
                           [#"actions[0].target: \#(quoted) \#(message) (use a whole number from 1 to 10000)"#])
        }
        XCTAssertEqual(plan(config(action: #", "target": 10000"#))?.actions.first?.target, 10000)
        XCTAssertEqual(plan(config(action: #", "target": 3.0"#))?.actions.first?.target, 3)
    }

    /// Days must be day specs and not an empty list; near misses are named.
    func testDays() {
        XCTAssertEqual(errors(config(action: #", "days": ["weekday", "2026-02-30", "someday", 3]"#)), [
            #"actions[0].days[0]: "weekday" is not a day (did you mean "weekdays"?)"#,
            #"actions[0].days[1]: "2026-02-30" is not a date (use YYYY-MM-DD, e.g. "2026-12-24")"#,
            #"actions[0].days[2]: "someday" is not a day (use mon…sun, weekdays, weekends, daily or a date like "2026-12-24")"#,
            #"actions[0].days[3]: 3 is not a day (use mon…sun, weekdays, weekends, daily or a date like "2026-12-24")"#,
        ])
        XCTAssertEqual(errors(config(action: #", "days": []"#)),
                       [#"actions[0].days: [] is empty (use e.g. ["weekdays"], or leave "days" out for every day)"#])
        XCTAssertEqual(errors(config(action: #", "days": {"mon": true}"#)),
                       [#"actions[0].days: {"mon": true} is not a list of days (use e.g. ["weekdays"] or "mon")"#])
    }

    /// Reminder times are times, each listed once.
    func testAt() {
        XCTAssertEqual(errors(config(action: #", "at": ["09:30", "9:45", "09:30", 930]"#)), [
            #"actions[0].at[1]: "9:45" is not a time (use HH:MM, e.g. "09:30")"#,
            #"actions[0].at[2]: "09:30" is listed twice (remove one)"#,
            #"actions[0].at[3]: 930 is not a time (use HH:MM, e.g. "09:30")"#,
        ])
        XCTAssertEqual(plan(config(action: #", "at": []"#))?.actions.first?.at, [])
    }

    /// `repeat` needs `at` and is at least a minute; `until` needs `repeat` and follows the first reminder.
    func testRepeatAndUntil() {
        XCTAssertEqual(errors(config(action: #", "repeat": "1h""#)),
                       [#"actions[0].repeat: "1h" only applies with "at" (add "at": "09:30" for the first reminder, or remove "repeat")"#])
        XCTAssertEqual(errors(config(action: #", "at": [], "repeat": "1h""#)).count, 1)
        XCTAssertEqual(errors(config(action: #", "at": "09:00", "repeat": "30s""#)),
                       [#"actions[0].repeat: "30s" is too short (use "1m" or more)"#])
        XCTAssertEqual(errors(config(action: #", "at": "09:00", "until": "17:00""#)),
                       [#"actions[0].until: "17:00" only applies with "repeat" (add "repeat": "1h", or remove "until")"#])
        XCTAssertEqual(errors(config(action: #", "at": ["12:00", "09:00"], "repeat": "1h", "until": "09:00""#)),
                       [#"actions[0].until: "09:00" is not after the first reminder (use a time later than "09:00")"#])
        XCTAssertEqual(errors(config(action: #", "at": "09:00", "repeat": "1h", "until": "9pm""#)),
                       [#"actions[0].until: "9pm" is not a time (use HH:MM, e.g. "09:30")"#])
        XCTAssertNotNil(plan(config(action: #", "at": "09:00", "repeat": "1m", "until": "09:00:01""#)))
    }

    /// Titles are non-blank, single-line text; wrong types say so.
    func testTitle() {
        XCTAssertEqual(errors(config(action: "").replacingOccurrences(of: #""title": "Send requests""#, with: #""title": ["x"]"#)),
                       [#"actions[0].title: ["x"] is not a string"#])
        XCTAssertEqual(errors(config(action: "").replacingOccurrences(of: #""title": "Send requests""#, with: #""title": "a\u0000b""#)),
                       [#"actions[0].title: "a\u0000b" contains a control character (remove line breaks, tabs and other control characters)"#])
    }

    /// Actions must be a list of objects; an empty list is a valid (quiet) plan.
    func testActionsList() {
        XCTAssertEqual(plan(#"{"version": 1, "steps": [{"id": "s", "name": "S"}], "actions": []}"#)?.actions, [])
        XCTAssertEqual(errors(#"{"version": 1, "steps": [{"id": "s", "name": "S"}], "actions": [7]}"#).count, 1)
        XCTAssertEqual(errors(#"{"version": 1, "steps": [{"id": "s", "name": "S"}]}"#),
                       [#"actions: is missing (add "actions": [], then list what to do each day)"#])
    }
}
