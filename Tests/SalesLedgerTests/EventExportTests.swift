import Foundation
import SalesLedger
import SalesPlan
import XCTest

final class EventExportTests: XCTestCase {
    private let day = LocalDay(iso: "2026-11-27")!
    private let at = Date(timeIntervalSince1970: 1_795_000_000.123)

    private var events: [Event] {
        [
            Event(id: 1, kind: .plan, at: at, day: day, source: "daemon", payload: "{\n  \"version\": 1\n}\n"),
            Event(id: 2, kind: .done, at: at, day: day, action: "calls", count: 2,
                  note: "Acme, \"big\" one\nsecond line · ünïcode", source: "ctl"),
            Event(id: 3, kind: .undo, at: at, day: day, action: "calls", count: 2, ref: 2, source: "ctl"),
            Event(id: 4, kind: .reminder, at: at, day: day, action: "calls", slot: "09:30",
                  scheduled: at.addingTimeInterval(-0.5), latenessMs: 500, source: "daemon"),
            Event(id: 5, kind: .snooze, at: at, day: day, action: "calls", until: at.addingTimeInterval(900)),
            Event(id: 6, kind: .result, at: at, day: day, note: "Acme", resultKind: "client", value: 12000.5),
            Event(id: 7, kind: .dayOff, at: at, day: day.adding(days: 1)),
        ]
    }

    /// A CSV export reads back to exactly the same events, quotes, commas and newlines included.
    func testCSVRoundTrip() throws {
        let text = ([EventExport.csvHeader()] + events.map(EventExport.csvRow)).joined(separator: "\n") + "\n"
        XCTAssertEqual(try EventExport.parse(text), events)
    }

    /// A JSON Lines export reads back to exactly the same events.
    func testJSONLinesRoundTrip() throws {
        let text = events.map(EventExport.jsonLine).joined(separator: "\n") + "\n"
        XCTAssertEqual(try EventExport.parse(text), events)
    }

    /// A damaged line is refused with its line number.
    func testBadLineNamesItsNumber() {
        let text = EventExport.csvHeader() + "\n" + EventExport.csvRow(events[1]) + "\n1,done,yesterday,2026-11-27"
            + String(repeating: ",", count: 12) + "\n"
        XCTAssertThrowsError(try EventExport.parse(text)) {
            XCTAssertEqual(($0 as? ImportError)?.line, 3)
        }
    }
}
