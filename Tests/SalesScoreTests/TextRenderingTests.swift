import SalesContract
import SalesPlan
import SalesScore
import XCTest

final class TextRenderingTests: XCTestCase {
    /// The terminal view: bars, coverage, streak, results and the weeks side by side.
    ///
    /// Week of 03-15 adherence: connect 5 + 5, invite 2 → 12 of 43 = 27.9 → 28%.
    /// Streak 0: Tue 03-23 was missed (invites 3 of 2 but connect 4 of 5).
    func testWholeOutput() {
        let text = ScoreboardText.render(RenderFixture.board(), color: false, width: 80)
        XCTAssertEqual(text, """
        week of 2027-03-22 · today 2027-03-24 10:00
        process running at 60%: 3 of 5 steps active
        streak: 0 days with the plan met · 0 weeks with every step's target met

        Connect    ██████████░░░░░░░░░░  13/25  2 behind · no safe day
        Invite     ██████████████░░░░░░   7/10  3 ahead · 1 safe day
        Nurture    ██████████░░░░░░░░░░    1/2  on pace · no safe day
        Converse   ░░░░░░░░░░░░░░░░░░░░    0/1  on pace · no safe day
        Follow up  ░░░░░░░░░░░░░░░░░░░░    0/5  2 behind · no safe day

        results: proposal 1 (total 1500.5)

        last 3 weeks  03-08  03-15   03-22
        Connect       25/25  10/25   13/25
        Invite        10/10   2/10    7/10
        Nurture         2/2    0/2     1/2
        Converse        1/1    0/1     0/1
        Follow up       5/5    0/5     0/5
        coverage       100%    40%     60%
        adherence      100%    28%     42%
        client            0      1       0
        proposal       2000      0  1500.5

        """)
    }

    /// Without colour, not a single escape code is written; with it, bars and pace are coloured.
    func testColourOnlyWhenAsked() {
        let board = RenderFixture.board()
        XCTAssertFalse(ScoreboardText.render(board, color: false).contains("\u{1B}"))
        let coloured = ScoreboardText.render(board, color: true)
        XCTAssertTrue(coloured.contains("\u{1B}[31m2 behind · no safe day\u{1B}[0m"))
        XCTAssertTrue(coloured.contains("\u{1B}[32m3 ahead · 1 safe day\u{1B}[0m"))
    }

    /// A narrow terminal gets shorter bars, and the weeks in blocks that fit: none is left out.
    func testNarrowTerminalShowsEveryWeekInBlocks() {
        let text = ScoreboardText.render(RenderFixture.board(), color: false, width: 30)
        // Bars get the 5-cell minimum: 13/25 of 5 cells = 2.6 → 3.
        XCTAssertTrue(text.contains("Connect    ███░░  13/25  2 behind"))
        // Three weeks need 12 + 7 + 7 + 8 = 34 columns: two fit, then the third under them.
        XCTAssertTrue(text.contains("weeks 1–2 of 3  03-08  03-15"), text)
        XCTAssertTrue(text.contains("weeks 3–3 of 3   03-22"), text)
        XCTAssertFalse(text.contains("last 3 weeks"))
    }
}
