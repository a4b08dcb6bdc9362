import Foundation
import SalesContract
import XCTest

final class WireTimestampTests: XCTestCase {
    /// The daemon's forms read as the instants they name: an offset, `Z`, a fraction.
    func testReadsTheDaemonsTimestamps() {
        XCTAssertEqual(WireTimestamp.parse("2026-11-27T09:30:00+01:00"), Date(timeIntervalSince1970: 1_795_768_200))
        XCTAssertEqual(WireTimestamp.parse("2026-11-27T08:30:00Z"), Date(timeIntervalSince1970: 1_795_768_200))
        XCTAssertEqual(WireTimestamp.parse("2024-02-29T23:59:59-03:30"), Date(timeIntervalSince1970: 1_709_263_799))
        XCTAssertEqual(WireTimestamp.parse("1970-01-01T00:00:00.250Z"), Date(timeIntervalSince1970: 0.25))
        XCTAssertEqual(WireTimestamp.parse("1970-01-01T00:00:00+01:00"), Date(timeIntervalSince1970: -3600))
    }

    /// What RFC 3339 allows besides, and an offset with seconds (local mean time) as exports write it.
    func testReadsRFC3339sOtherFormsAndOffsetsWithSeconds() {
        XCTAssertEqual(WireTimestamp.parse("2026-11-27 08:30:00z"), Date(timeIntervalSince1970: 1_795_768_200))
        XCTAssertEqual(WireTimestamp.parse("2026-11-27t08:30:00Z"), Date(timeIntervalSince1970: 1_795_768_200))
        XCTAssertEqual(WireTimestamp.parse("1880-01-01T00:00:00-00:44:30"),
                       Date(timeIntervalSince1970: -2_840_140_800 + 2_670))
    }

    /// A millisecond read is the millisecond written: the ledger's instants go out and back exactly.
    func testKeepsMillisecondsExactly() {
        XCTAssertEqual(WireTimestamp.parse("2026-11-27T08:30:00.123Z"), Date(timeIntervalSince1970: 1_795_768_200.123))
        XCTAssertEqual(WireTimestamp.parse("1970-01-01T00:00:00.001Z"), Date(timeIntervalSince1970: 0.001))
        XCTAssertEqual(WireTimestamp.parse("1970-01-01T00:00:00.9999Z"), Date(timeIntervalSince1970: 0.999))
    }

    /// Anything else is no time at all, so the status shows the text without "(in 25 min)".
    func testRefusesWhatIsNotATimestamp() {
        for text in ["", "2026-11-27", "2026-11-27T09:30:00", "2026-02-29T09:30:00Z", "2026-13-01T09:30:00Z",
                     "2026-11-27T24:00:00Z", "2026-11-27T09:30:00+0100", "2026-11-27T09:30:00.Z", "2026-11-27T09:30:00Zx",
                     "2026-1a-27T09:30:00Z"] {
            XCTAssertNil(WireTimestamp.parse(text), text)
        }
    }
}
