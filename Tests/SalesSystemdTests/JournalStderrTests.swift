import Foundation
import SalesEngine
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
            "2026-11-27 04:30:00 started: salesd started\n",
        ])
    }

    /// A late reminder says how late it is.
    func testLateReminderSaysHowLate() {
        var reminder = Announcement(kind: .reminder, message: "Follow up", action: "follow-ups", latenessMs: 125_000, late: true)
        XCTAssertEqual(lines(reminder), ["2026-11-27 09:30:00 reminder follow-ups: Follow up [late by 2m 5s]\n"])
        reminder.latenessMs = nil
        XCTAssertEqual(lines(reminder), ["2026-11-27 09:30:00 reminder follow-ups: Follow up [late]\n"])
        reminder.latenessMs = 400
        XCTAssertEqual(lines(reminder), ["2026-11-27 09:30:00 reminder follow-ups: Follow up [late by 400ms]\n"])
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
