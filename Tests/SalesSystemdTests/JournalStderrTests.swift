import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule
import SalesSystemd
import XCTest

/// The readable lines a person sees when salesd runs in a terminal.
final class JournalStderrTests: XCTestCase {
    private let scheduled = Date(timeIntervalSince1970: 1_795_771_800)  // 2026-11-27T09:30:00Z
    private let london = TimeZone(identifier: "Europe/London")!

    private func lines(_ announcement: Announcement, zone: TimeZone? = nil) -> [String] {
        var written: [String] = []
        let journal = StderrJournal(zone: zone ?? london, now: { self.scheduled }) { written.append($0) }
        journal.record(announcement)
        return written
    }

    /// A reminder reads as time, kind, action and message on one line.
    func testReminderLine() {
        let reminder = Announcement(
            kind: .reminder, message: "Send 5 connection requests (Connect · 0 of 5 today)",
            action: "connection-requests", step: "connect")
        XCTAssertEqual(lines(reminder), [
            "2026-11-27 09:30:00 reminder connection-requests: Send 5 connection requests (Connect · 0 of 5 today)\n",
        ])
    }

    /// The time is local to the zone given, not UTC.
    func testTimeIsLocal() {
        let started = Announcement(kind: .started, message: "salesd started")
        XCTAssertEqual(lines(started, zone: TimeZone(identifier: "America/New_York")!), [
            "2026-11-27 04:30:00 salesd started\n",
        ])
    }

    /// A message that names its kind and action is not prefixed with them again.
    func testKindIsNotRepeated() {
        let started = Announcement(kind: .started, message: "salesd 0.1.0 started: plan (embedded default plan)")
        let done = Announcement(kind: .done, message: "Done: calls +1 → 1 of 3 on 2026-11-27", action: "calls")
        let reminder = Announcement(kind: .reminder, message: "Call three warm leads", action: "calls")
        let zone = TimeZone(identifier: "UTC")!
        XCTAssertEqual(lines(started, zone: zone), ["2026-11-27 09:30:00 salesd 0.1.0 started: plan (embedded default plan)\n"])
        XCTAssertEqual(lines(done, zone: zone), ["2026-11-27 09:30:00 Done: calls +1 → 1 of 3 on 2026-11-27\n"])
        XCTAssertEqual(lines(reminder, zone: zone), ["2026-11-27 09:30:00 reminder calls: Call three warm leads\n"])
    }

    /// A reminder the real engine fires 5 s late says so once on stderr, and its progress once.
    func testLateReminderFromTheEngineSaysHowLateOnce() throws {
        let zone = TimeZone(identifier: "Europe/London")!
        let plan = Plan(
            timeZone: zone.identifier, steps: [Step(id: "connect", name: "Connect")],
            actions: [PlanAction(id: "requests", step: "connect", title: "Send 5 connection requests", target: 5,
                                 days: [.daily], at: [LocalTime("09:30")!])])
        let due = Date(timeIntervalSince1970: 1_795_771_800)  // 2026-11-27 09:30 in London
        var engine = Engine(plan: plan, calendar: ZoneCalendar(timeZone: zone), events: [],
                            handledThrough: due.addingTimeInterval(-60))
        let late = due.addingTimeInterval(5)
        let announcements = engine.wake(now: late).compactMap { effect -> Announcement? in
            if case .fire(_, let announcement, _) = effect { return announcement }
            return nil
        }
        XCTAssertEqual(announcements.count, 1)
        let text = try XCTUnwrap(announcements.first.map { StderrJournal.line(for: $0, at: late, in: zone) })
        XCTAssertEqual(text, "2026-11-27 09:30:05 reminder requests: Send 5 connection requests — Connect · 0 of 5 today (late by 5s)\n")
        XCTAssertEqual(text.components(separatedBy: "late").count - 1, 1, text)
    }

    /// A body (the plan at a glance) follows the line, indented, in the same write.
    func testBodyIsIndented() {
        let morning = Announcement(kind: .morning, message: "What's the next step?", body: "09:30 connection-requests\n11:00 follow-ups")
        XCTAssertEqual(lines(morning), [
            "2026-11-27 09:30:00 morning: What's the next step?\n    09:30 connection-requests\n    11:00 follow-ups\n",
        ])
    }

    /// MultiJournal hands each announcement to every journal.
    func testMultiJournalFansOut() {
        let first = CapturedJournal(), second = CapturedJournal()
        let announcement = Announcement(kind: .stopping, message: "stopping")
        MultiJournal([first, second]).record(announcement)
        XCTAssertEqual(first.entries, [announcement])
        XCTAssertEqual(second.entries, [announcement])
    }
}
