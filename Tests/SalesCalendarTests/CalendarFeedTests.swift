import Foundation
import SalesCalendar
import SalesPlan
import SalesSchedule
import XCTest

final class CalendarFeedTests: XCTestCase {
    private let london = ZoneCalendar(timeZone: TimeZone(identifier: "Europe/London")!)

    private func plan(_ actions: [PlanAction], review: Bool = false) -> Plan {
        var plan = Plan(timeZone: "Europe/London", steps: [Step(id: "connect", name: "Connect")], actions: actions)
        if review { plan.weeklyReview = WeeklyReview(day: .fri, at: LocalTime("16:00")!) }
        return plan
    }

    private func feed(_ actions: [PlanAction], review: Bool = false) -> CalendarFeed {
        CalendarFeed(plan: plan(actions, review: review), calendar: london, version: "test")
    }

    private func lines(_ text: String) -> [String] {
        // Unfolded: a line starting with a space continues the one before it.
        var out: [String] = []
        for line in text.components(separatedBy: "\r\n") where !line.isEmpty {
            if line.hasPrefix(" ") { out[out.count - 1] += line.dropFirst() } else { out.append(line) }
        }
        return out
    }

    /// One event per (action, day, time); re-reminders are not events; the review is.
    func testOneEventPerPlannedTime() {
        let a = PlanAction(id: "calls", step: "connect", title: "Calls", days: [.weekdays],
                           at: [LocalTime("09:30")!, LocalTime("14:00")!], repeat: PlanDuration("1h"))
        let events = feed([a], review: true).events(from: LocalDay(iso: "2026-11-30")!, days: 7)
        // Five weekdays × two times, plus Friday's review.
        XCTAssertEqual(events.count, 11)
        XCTAssertEqual(events.filter { $0.occurrence.action == "@review" }.map(\.occurrence.day.description), ["2026-12-04"])
        XCTAssertEqual(Set(events.map(\.uid)).count, 11)
        XCTAssertEqual(events.first?.uid, "calls/2026-11-30/0930@salesd")
    }

    /// Every line ends in CRLF and is at most 75 octets; a long title with multi-byte letters is
    /// folded between characters, and unfolding gives it back whole.
    func testFoldingIsUTF8Safe() {
        let title = String(repeating: "Überweisung prüfen · ", count: 8) + "😀 done"
        let a = PlanAction(id: "a", step: "connect", title: title, at: [LocalTime("09:30")!])
        let text = feed([a]).render(from: LocalDay(iso: "2026-12-01")!, days: 1, now: Date(timeIntervalSince1970: 0))
        XCTAssertTrue(text.hasSuffix("END:VCALENDAR\r\n"))
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare LF")
        for raw in text.components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(raw.utf8.count, 75, raw)
            XCTAssertNotNil(String(data: Data(raw.utf8), encoding: .utf8))
        }
        XCTAssertTrue(lines(text).contains("SUMMARY:" + title.replacingOccurrences(of: ",", with: "\\,")))
        XCTAssertGreaterThan(text.components(separatedBy: "\r\n ").count, 2, "the title was not folded")
    }

    /// TEXT values escape backslash, semicolon, comma and newline.
    func testEscaping() {
        let a = PlanAction(id: "a", step: "connect", title: #"Call A, B; C\D"#, at: [LocalTime("09:30")!])
        let text = feed([a]).render(from: LocalDay(iso: "2026-12-01")!, days: 1, now: Date())
        XCTAssertTrue(lines(text).contains(#"SUMMARY:Call A\, B\; C\\D"#))
        XCTAssertTrue(lines(text).contains { $0.hasPrefix("DESCRIPTION:Connect · target 1 that day\\nRecord it") })
    }

    /// A time in the spring-forward gap is written as the UTC instant salesd reminds at; a
    /// doubled time at fall back as its first occurrence, in UTC; others in local time.
    func testGapAndDoubledTimesAreUTC() {
        let a = PlanAction(id: "night", step: "connect", title: "Night", at: [LocalTime("01:30")!, LocalTime("09:30")!])
        let f = feed([a])
        // 2027-03-28: 01:00 GMT → 02:00 BST, so 01:30 fires at 02:00 BST = 01:00Z.
        let spring = lines(f.render(from: LocalDay(iso: "2027-03-28")!, days: 1, now: Date()))
        XCTAssertTrue(spring.contains("DTSTART:20270328T010000Z"), spring.joined(separator: "\n"))
        XCTAssertTrue(spring.contains("DTSTART;TZID=Europe/London:20270328T093000"))
        // 2027-10-31: 02:00 BST → 01:00 GMT; 01:30 first happens at 01:30 BST = 00:30Z.
        let autumn = lines(f.render(from: LocalDay(iso: "2027-10-31")!, days: 1, now: Date()))
        XCTAssertTrue(autumn.contains("DTSTART:20271031T003000Z"), autumn.joined(separator: "\n"))
    }

    /// The VTIMEZONE has the offset in force at the start and each real transition in range,
    /// each starting at the local time before it.
    func testTimeZoneFromRealTransitions() {
        let text = lines(feed([]).render(from: LocalDay(iso: "2027-03-22")!, days: 14, now: Date()))
        let zone = Array(text.drop { $0 != "BEGIN:VTIMEZONE" }.prefix { $0 != "END:VTIMEZONE" })
        XCTAssertEqual(zone.filter { $0.hasPrefix("BEGIN:") }, ["BEGIN:VTIMEZONE", "BEGIN:STANDARD", "BEGIN:DAYLIGHT"])
        let daylight = Array(zone.drop { $0 != "BEGIN:DAYLIGHT" })
        XCTAssertEqual(Array(daylight[1...3]), ["DTSTART:20270328T010000", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100"])
        // A range without a change has just the one component.
        let winter = lines(feed([]).render(from: LocalDay(iso: "2026-12-07")!, days: 7, now: Date()))
        XCTAssertEqual(winter.filter { $0 == "BEGIN:STANDARD" || $0 == "BEGIN:DAYLIGHT" }, ["BEGIN:STANDARD"])
    }

    /// Transitions found by bisection are the zone's own, to the second.
    func testZoneTransitions() {
        let zone = TimeZone(identifier: "Australia/Lord_Howe")!  // half-hour DST
        let from = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09
        let found = ZoneTransition.all(in: zone, from: from, to: from.addingTimeInterval(365 * 86_400))
        XCTAssertEqual(found.count, 2)
        for t in found {
            XCTAssertEqual(zone.secondsFromGMT(for: t.instant), t.offsetAfter)
            XCTAssertEqual(zone.secondsFromGMT(for: t.instant.addingTimeInterval(-1)), t.offsetBefore)
            XCTAssertEqual(abs(t.offsetAfter - t.offsetBefore), 1800)
            XCTAssertEqual(zone.nextDaylightSavingTimeTransition(after: t.instant.addingTimeInterval(-2)), t.instant)
        }
    }
}
