import XCTest
@testable import SalesPlan

final class PlanDurationTests: XCTestCase {
    /// The written forms of the design parse to the expected number of seconds.
    func testParses() {
        XCTAssertEqual(PlanDuration("90s")?.seconds, 90)
        XCTAssertEqual(PlanDuration("15m")?.seconds, 900)
        XCTAssertEqual(PlanDuration("1h30m")?.seconds, 5400)
        XCTAssertEqual(PlanDuration("2h")?.seconds, 7200)
        XCTAssertEqual(PlanDuration("1h0m5s")?.seconds, 3605)
    }

    /// Descriptions are the shortest canonical form and parse back to the same duration.
    func testDescriptionRoundTrips() {
        XCTAssertEqual(PlanDuration("90s")?.description, "1m30s")
        XCTAssertEqual(PlanDuration("60m")?.description, "1h")
        for seconds in [1, 59, 60, 61, 3599, 3600, 3661, 86_400, 90_061] {
            let duration = PlanDuration(seconds: seconds)
            XCTAssertEqual(PlanDuration(duration.description), duration, duration.description)
        }
    }

    /// Units out of order, repeated, missing numbers, zero and huge digit runs are refused.
    func testRejectsMalformedDurations() {
        for text in ["", "15", "m", "30m1h", "1m1m", "0s", "0m", "1.5h", "-5m", "15 m", "15M", "1d",
                     "9999999999h", "１５m"] {
            XCTAssertNil(PlanDuration(text), text)
        }
    }
}
