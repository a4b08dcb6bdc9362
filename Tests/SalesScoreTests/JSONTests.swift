import Foundation
import SalesContract
import SalesPlan
import SalesScore
import XCTest

final class JSONTests: XCTestCase {
    /// `--json` carries the same numbers, with sorted keys and the plain view in `text`.
    func testJSONHasTheNumbersAndThePlainText() throws {
        let board = RenderFixture.board()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(board.withText(color: false, width: 80))
        let json = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(json.hasPrefix(#"{"now":"10:00","streak":{"days":0,"includesThisWeek":false,"includesToday":false,"text":"streak: 0 days with the plan met","weeks":0,"weeksText":"0 weeks with every step's target met"},"text":"week of 2027-03-22"#))
        XCTAssertTrue(json.contains(#""coverageOfPlanSteps":{"activeSteps":3,"percent":60,"planSteps":5,"text":"process running at 60%: 3 of 5 steps active"}"#))
        XCTAssertTrue(json.contains(#""pace":-2,"paceText":"2 behind","safeDays":0,"step":"connect","target":25"#))

        let decoded = try JSONDecoder().decode(Scoreboard.self, from: data)
        XCTAssertEqual(decoded.text, ScoreboardText.render(board, color: false, width: 80))
        var withoutText = decoded
        withoutText.text = nil
        XCTAssertEqual(withoutText, board)
    }
}
