import Foundation
import SalesEngine
import SalesPlan
@testable import SalesSystemd
import XCTest

/// The structured fields an announcement becomes, before any journald is involved.
final class JournalFieldsTests: XCTestCase {
    /// Every kind has its own 128-bit id, as journald and the catalog expect them.
    func testEveryKindHasADistinctMessageID() {
        let ids = Announcement.Kind.allCases.map(MessageID.of)
        XCTAssertEqual(Set(ids).count, Announcement.Kind.allCases.count)
        for id in ids {
            XCTAssertEqual(id.count, 32, id)
            XCTAssertTrue(id.allSatisfy { "0123456789abcdef".contains($0) }, id)
        }
    }

    /// Field names are ones journald keeps: upper-case letters, digits and underscores, no leading underscore.
    func testFieldNamesAreValid() {
        let everything = Announcement(
            kind: .reminder, message: "m", day: LocalDay(iso: "2026-11-27"), action: "a", step: "s", title: "t",
            count: 1, done: 2, target: 3, scheduled: Date(timeIntervalSince1970: 0), latenessMs: 4, late: true,
            body: "b")
        for field in everything.journalFields {
            XCTAssertTrue(field.name.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" } && field.name.first != "_", field.name)
        }
        XCTAssertEqual(Set(everything.journalFields.map(\.name)).count, everything.journalFields.count)
        XCTAssertFalse(everything.journalFields.contains { $0.name == "UNIT" })
    }

    /// Metadata keys with dashes, dots or lower case become valid names instead of being dropped.
    func testSanitizedNames() {
        XCTAssertEqual(JournalField.sanitizedName("server-name"), "SERVER_NAME")
        XCTAssertEqual(JournalField.sanitizedName("_private.key"), "PRIVATE_KEY")
        XCTAssertEqual(JournalField.sanitizedName("é"), "FIELD")
    }

    /// Scheduled times are UTC with milliseconds, also before 1970 and at day boundaries.
    func testScheduledTimestamps() {
        XCTAssertEqual(Timestamp.utcMilliseconds(Date(timeIntervalSince1970: 1_795_771_800)), "2026-11-27T09:30:00.000Z")
        XCTAssertEqual(Timestamp.utcMilliseconds(Date(timeIntervalSince1970: 1_795_824_000 - 0.001)), "2026-11-27T23:59:59.999Z")
        XCTAssertEqual(Timestamp.utcMilliseconds(Date(timeIntervalSince1970: -0.5)), "1969-12-31T23:59:59.500Z")
    }
}
