import XCTest
@testable import SalesPlan

final class ConfigTopLevelTests: XCTestCase {
    /// A minimal config gets the documented defaults.
    func testDefaults() throws {
        let plan = try XCTUnwrap(plan(config()))
        XCTAssertNil(plan.timeZone)
        XCTAssertNil(plan.morningPrompt)
        XCTAssertNil(plan.weeklyReview)
        XCTAssertEqual(plan.snooze, PlanDuration(seconds: 900))
        XCTAssertEqual(plan.grace, PlanDuration(seconds: 600))
        XCTAssertEqual(plan.weekStart, .mon)
        XCTAssertEqual(plan.backfillDays, 7)
        XCTAssertEqual(plan.daysOff, [])
        XCTAssertEqual(plan.notifications, NotificationSettings(enabled: true, urgency: .normal))
        let action = try XCTUnwrap(plan.actions.first)
        XCTAssertEqual(action.target, 1)
        XCTAssertEqual(action.days, [.daily])
        XCTAssertEqual(action.at, [])
        XCTAssertNil(action.repeat)
        XCTAssertNil(action.until)
    }

    /// An explicit null on an optional key means the same as leaving it out.
    func testNullMeansAbsent() throws {
        let plan = try XCTUnwrap(plan(config(top: #""timeZone": null, "morningPrompt": null, "snooze": null,"#)))
        XCTAssertNil(plan.timeZone)
        XCTAssertNil(plan.morningPrompt)
        XCTAssertEqual(plan.snooze, PlanDuration(seconds: 900))
    }

    /// The version is required and must be 1.
    func testVersion() {
        XCTAssertEqual(errors(#"{"steps": [{"id": "s", "name": "S"}], "actions": []}"#),
                       [#"version: is missing (add "version": 1)"#])
        XCTAssertEqual(errors(config().replacingOccurrences(of: #""version": 1"#, with: #""version": 2"#)),
                       [#"version: 2 is not a supported version (this salesd reads "version": 1)"#])
        XCTAssertEqual(errors(config().replacingOccurrences(of: #""version": 1"#, with: #""version": "1""#)).count, 1)
    }

    /// Time zones must be known IANA names; a near miss names the zone meant.
    func testTimeZone() {
        XCTAssertEqual(plan(config(top: #""timeZone": "Europe/London","#))?.timeZone, "Europe/London")
        XCTAssertEqual(errors(config(top: #""timeZone": "Europe/Londn","#)),
                       [#"timeZone: "Europe/Londn" is not a known time zone (did you mean "Europe/London"?)"#])
        XCTAssertEqual(errors(config(top: #""timeZone": "Mars/Olympus_Mons","#)), [
            #"timeZone: "Mars/Olympus_Mons" is not a known time zone (use an IANA name such as "Europe/London", or leave it out to follow the system's zone)"#,
        ])
        XCTAssertEqual(errors(config(top: #""timeZone": "../../etc/passwd","#)).count, 1)
        XCTAssertEqual(errors(config(top: #""timeZone": 1,"#)), ["timeZone: 1 is not a string"])
    }

    /// The morning prompt and weekly review take times and weekdays.
    func testPromptAndReview() throws {
        let plan = try XCTUnwrap(plan(config(top: #""morningPrompt": "08:30", "weeklyReview": {"day": "Friday", "at": "16:00:30"},"#)))
        XCTAssertEqual(plan.morningPrompt, LocalTime(hour: 8, minute: 30))
        XCTAssertEqual(plan.weeklyReview, WeeklyReview(day: .fri, at: LocalTime(hour: 16, minute: 0, second: 30)!))
        XCTAssertEqual(errors(config(top: #""morningPrompt": "8:30", "weeklyReview": {"day": "funday"},"#)), [
            #"morningPrompt: "8:30" is not a time (use HH:MM, e.g. "09:30")"#,
            #"weeklyReview.day: "funday" is not a weekday (use mon, tue, wed, thu, fri, sat or sun)"#,
            #"weeklyReview.at: is missing (add "at": "16:00")"#,
        ])
        XCTAssertEqual(errors(config(top: #""weeklyReview": "fri","#)),
                       [#"weeklyReview: "fri" is not an object (use e.g. {"day": "fri", "at": "16:00"})"#])
    }

    /// Snooze and grace are durations up to a day; week start a weekday; backfill 0…366 days.
    func testDurationsAndNumbers() throws {
        let plan = try XCTUnwrap(plan(config(top: #""snooze": "5m", "grace": "1h", "weekStart": "sun", "backfillDays": 0,"#)))
        XCTAssertEqual(plan.snooze.seconds, 300)
        XCTAssertEqual(plan.grace.seconds, 3600)
        XCTAssertEqual(plan.weekStart, .sun)
        XCTAssertEqual(plan.backfillDays, 0)
        XCTAssertEqual(errors(config(top: #""snooze": "0m", "grace": "25h", "backfillDays": 367,"#)), [
            #"snooze: "0m" is not a duration (use a number and h, m or s, e.g. "15m" or "1h30m")"#,
            #"grace: "25h" is too long (use at most "24h")"#,
            "backfillDays: 367 is out of range (use a whole number from 0 to 366)",
        ])
        XCTAssertEqual(errors(config(top: #""backfillDays": "7", "snooze": 15,"#)), [
            #"snooze: 15 is not a duration (use a number and h, m or s, e.g. "15m" or "1h30m")"#,
            #"backfillDays: "7" is not a number (use a whole number from 0 to 366)"#,
        ])
    }

    /// Days off are a list of ISO dates.
    func testDaysOff() throws {
        XCTAssertEqual(plan(config(top: #""daysOff": ["2026-12-24", "2026-12-25"],"#))?.daysOff.map(\.description),
                       ["2026-12-24", "2026-12-25"])
        XCTAssertEqual(errors(config(top: #""daysOff": ["2026-12-24", "24/12/2026", 5],"#)), [
            #"daysOff[1]: "24/12/2026" is not a date (use YYYY-MM-DD, e.g. "2026-12-24")"#,
            #"daysOff[2]: 5 is not a date (use YYYY-MM-DD, e.g. "2026-12-24")"#,
        ])
        XCTAssertEqual(errors(config(top: #""daysOff": "2026-12-24","#)),
                       [#"daysOff: "2026-12-24" is not a list (use e.g. ["2026-12-24", "2026-12-27..2027-01-02"])"#])
    }

    /// A range FIRST..LAST is every day from FIRST to LAST, both included, across a year's end.
    func testDaysOffRanges() throws {
        let parsed = plan(config(top: #""daysOff": ["2026-11-02", "2026-12-30..2027-01-02"],"#))
        XCTAssertEqual(parsed?.daysOff.map(\.description),
                       ["2026-11-02", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"])
        XCTAssertEqual(parsed?.isDayOff(LocalDay(iso: "2027-01-01")!), true)
        XCTAssertEqual(parsed?.isDayOff(LocalDay(iso: "2027-01-03")!), false)
        // The canonical form writes the days out and reads back as the same plan.
        let again = try Plan.parse(Data(XCTUnwrap(parsed).canonicalJSON().utf8))
        XCTAssertEqual(again, parsed)
        XCTAssertEqual(errors(config(top: #""daysOff": ["2027-01-02..2026-12-30", "2026-12-24..", "2026-01-01..2027-01-02"],"#)), [
            #"daysOff[0]: "2027-01-02..2026-12-30" ends before it starts (write the earlier day first)"#,
            #"daysOff[1]: "2026-12-24.." is not a date range (use FIRST..LAST, e.g. "2026-12-24..2027-01-02")"#,
            #"daysOff[2]: "2026-01-01..2027-01-02" is longer than a year (split it, or use ctl off for a long leave)"#,
        ])
    }

    /// A skip budget is a whole number of skips per month, for the plan or per action.
    func testSkipBudget() throws {
        let parsed = plan(config(top: #""skipBudget": 2,"#, action: #", "skipBudget": 0"#))
        XCTAssertEqual(parsed?.skipBudget, 2)
        XCTAssertEqual(parsed?.actions.first?.skipBudget, 0)
        XCTAssertEqual(plan(config())?.skipBudget, nil)
        XCTAssertEqual(try Plan.parse(Data(XCTUnwrap(parsed).canonicalJSON().utf8)), parsed)
        XCTAssertEqual(errors(config(top: #""skipBudget": -1,"#, action: #", "skipBudget": "3""#)), [
            #"actions[0].skipBudget: "3" is not a number (use a whole number from 0 to 31)"#,
            "skipBudget: -1 is out of range (use a whole number from 0 to 31)",
        ])
    }

    /// Notifications take a boolean and one of three urgencies.
    func testNotifications() throws {
        XCTAssertEqual(plan(config(top: #""notifications": {"enabled": false, "urgency": "critical"},"#))?.notifications,
                       NotificationSettings(enabled: false, urgency: .critical))
        XCTAssertEqual(errors(config(top: #""notifications": {"enabled": "yes", "urgency": "high"},"#)), [
            #"notifications.enabled: "yes" is not true or false (use true or false, without quotes)"#,
            #"notifications.urgency: "high" is not an urgency (use low, normal or critical)"#,
        ])
        XCTAssertEqual(errors(config(top: #""notifications": {"enabled": 1},"#)).count, 1)
    }
}
