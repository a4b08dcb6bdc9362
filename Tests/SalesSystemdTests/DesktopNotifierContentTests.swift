import SalesEngine
import SalesPlan
import XCTest

@testable import SalesSystemd

/// What a `Notify` call carries, worked out from announcements and server capabilities.
final class DesktopNotifierContentTests: XCTestCase {
    private let dunst = ["actions", "body", "body-markup", "body-hyperlinks"]

    private func content(
        _ announcement: Announcement, buttons: [NotificationButton] = [.done, .snooze, .skip],
        capabilities: [String]? = nil
    ) -> DesktopNotifier.Content {
        DesktopNotifier.Content(
            announcement, buttons: buttons, urgency: .critical, capabilities: capabilities ?? dunst,
            stepNames: ["connect": "Connect"])
    }

    /// A reminder reads "title" over "Step · done of target today", with all three buttons.
    func testReminder() {
        let notify = content(reminder(done: 2))
        XCTAssertEqual(notify.summary, "Send 5 connection requests")
        XCTAssertEqual(notify.body, "Connect · 2 of 5 today")
        XCTAssertEqual(notify.actions, ["done", "Done", "snooze", "Snooze", "skip", "Skip today"])
        XCTAssertEqual(
            notify.hints,
            [
                "urgency": .byte(2), "category": .string("x-salesd.reminder"), "desktop-entry": .string("salesd"),
                "x-salesd-action": .string("connection-requests"),
            ])
    }

    /// A server without "actions" gets no buttons.
    func testNoButtonsWithoutActionsCapability() {
        XCTAssertEqual(content(reminder(done: 2), capabilities: ["body"]).actions, [])
    }

    /// Text is escaped for servers that read markup, and left alone for those that don't.
    func testMarkupEscaping() {
        var review = Announcement(kind: .review, message: "Weekly review")
        review.body = "Connect 5/5 & Invite <2>"
        XCTAssertEqual(content(review).body, "Connect 5/5 &amp; Invite &lt;2&gt;")
        XCTAssertEqual(content(review, capabilities: ["actions"]).body, "Connect 5/5 & Invite <2>")
    }

    /// Morning prompt, review and missed summary have fixed titles and their own categories.
    func testFixedTitles() {
        let morning = content(Announcement(kind: .morning, message: "Next: Send 5 connection requests"))
        XCTAssertEqual(morning.summary, "What's the next step?")
        XCTAssertEqual(morning.body, "Next: Send 5 connection requests")
        XCTAssertEqual(morning.hints["category"], .string("x-salesd.prompt"))
        XCTAssertEqual(content(Announcement(kind: .review, message: "r")).summary, "Weekly review")
        XCTAssertEqual(content(Announcement(kind: .missed, message: "m")).summary, "Missed reminders")
    }

    /// A re-reminder shares its action's slot; a morning prompt replaces the previous morning prompt.
    func testSlots() {
        XCTAssertEqual(DesktopNotifier.slot(for: reminder(done: 1)), DesktopNotifier.slot(for: reminder(done: 2)))
        XCTAssertNotEqual(
            DesktopNotifier.slot(for: reminder(done: 1)), DesktopNotifier.slot(for: reminder(action: "x", done: 1)))
        XCTAssertEqual(
            DesktopNotifier.slot(for: Announcement(kind: .morning, message: "a", action: "x")),
            DesktopNotifier.slot(for: Announcement(kind: .morning, message: "b", action: "y")))
    }
}
